package org.findingskb.history;

import org.hibernate.envers.RevisionListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Records who made a revision: the name of the request's API key, or "system" for start-up work. */
public class RevisionAuthor implements RevisionListener {

    public static final String SYSTEM = "system";

    @Override
    public void newRevision(Object revision) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        ((Revision) revision).setKeyName(authentication == null || !authentication.isAuthenticated()
                ? SYSTEM : authentication.getName());
    }
}
