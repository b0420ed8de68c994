-- Nothing to do: V12's covering index on customer_seats was H2's alone. The version is kept so that both databases
-- count the same migrations.
SELECT 1;
