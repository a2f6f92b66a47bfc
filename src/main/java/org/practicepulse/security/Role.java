package org.practicepulse.security;

/** Role names as they appear in the database, in @RolesAllowed and in the API. */
public final class Role {
    /** Everything for their practices. */
    public static final String OWNER = "owner";
    /** Reviews, alerts and reply checks. */
    public static final String REPUTATION = "reputation";
    /** Read-only dashboards and exports. */
    public static final String LEADERSHIP = "leadership";
    /** Added to the identity of an admin user; never stored as a role row. */
    public static final String ADMIN = "admin";

    private Role() {
    }
}
