package org.practicepulse.report;

/** Something an owner should look at first in the weekly digest: a new negative review, a risky post. */
public record AttentionItem(String headline, String detail) {
}
