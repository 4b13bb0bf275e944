package org.findingskb.study;

/**
 * Published, inside the deleting transaction, just before a study goes: what belongs to it goes first, through
 * JPA, so that history and index follow.
 */
public record StudyDeleting(long studyId) {
}
