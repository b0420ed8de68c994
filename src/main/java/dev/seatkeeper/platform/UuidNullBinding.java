package dev.seatkeeper.platform;

import java.lang.reflect.Field;
import java.sql.Types;
import java.util.UUID;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.mappings.OneToOneMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink (Payara) only, named by {@code eclipselink.session.customizer} in persistence.xml; Hibernate (WildFly)
 * ignores the property and binds null UUIDs correctly by itself.
 *
 * <p>Why: EclipseLink 4.0 binds a null UUID column, and every null foreign key (all of Seatkeeper's foreign keys
 * reference UUID ids, {@link BaseEntity}), as {@code setNull(i, Types.VARCHAR)}. H2 accepts that; PostgreSQL refuses
 * it ({@code column "order_id" is of type uuid but expression is of type character varying}), so a seat of a
 * subscription (whose {@code order_id} is null) could not be stored. {@link Types#OTHER} lets PostgreSQL take the
 * column's own type for the null, and H2 ignores the type of a null. Non-null values are bound by their Java type
 * ({@link UUID}) and are not affected.
 */
public class UuidNullBinding implements SessionCustomizer {

    /**
     * Marks every UUID column and every foreign key column of the mapped entities as {@link Types#OTHER} for the
     * binding of nulls.
     *
     * @param session the session being set up, before it logs in
     */
    @Override
    public void customize(Session session) {
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (mapping instanceof OneToOneMapping reference) {
                    reference.getForeignKeyFields().forEach(UuidNullBinding::bindNullsUntyped);
                } else if (mapping instanceof DirectToFieldMapping direct
                        && attributeType(descriptor.getJavaClass(), direct.getAttributeName()) == UUID.class) {
                    bindNullsUntyped(direct.getField());
                }
            }
        }
    }

    private static void bindNullsUntyped(DatabaseField field) {
        if (field != null && field.getSqlType() == DatabaseField.NULL_SQL_TYPE) {
            field.setSqlType(Types.OTHER);
        }
    }

    /** The declared type of an attribute, looked up in the class and its superclasses; {@code null} if not found. */
    private static Class<?> attributeType(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(attribute);
                return field.getType();
            } catch (NoSuchFieldException notHere) {
                // declared further up
            }
        }
        return null;
    }
}
