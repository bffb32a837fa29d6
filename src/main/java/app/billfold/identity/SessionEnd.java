package app.billfold.identity;

/** Why a sign-in session ended. */
public enum SessionEnd {
    /** The user pressed "Sign out" in that browser. */
    SIGNED_OUT,
    /** The user pressed "Sign out everywhere" in one of their browsers. */
    SIGNED_OUT_EVERYWHERE,
    /** The user signed in again in the same browser: the old session gives way to the new one. */
    REPLACED,
    /** The user ended it from the sessions list of their profile, in another browser. */
    ENDED_ELSEWHERE,
    /** The password changed: every session that knew the old one ends. */
    PASSWORD_CHANGED,
    /** An admin disabled the user, or the customer was closed. */
    USER_DISABLED,
    /** Unused for longer than the idle limit of the user's audience. */
    IDLE,
    /** Reached the absolute limit (billfold.session.timeout). */
    EXPIRED
}
