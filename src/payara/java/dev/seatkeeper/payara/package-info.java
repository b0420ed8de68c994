/**
 * The Payara connector add-on: Grizzly filters that Payara's listener runs below the web container, so that what the
 * connector answers by itself is JSON too (../shared/CONTRACT.md, "Edge behaviour"). Not part of the WAR, which deploys
 * unchanged anywhere: built as {@code target/seatkeeper-payara-connector.jar}, carried in the microbundle's
 * {@code MICRO-INF/lib}, and named by {@code server-config/payara/pre-boot-commands.txt}. Depends on Grizzly only.
 */
package dev.seatkeeper.payara;
