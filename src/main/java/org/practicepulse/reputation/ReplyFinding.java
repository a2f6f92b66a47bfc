package org.practicepulse.reputation;

/** One disclosure in a reply: the rule, the text it found, where ([start, end) in the reply) and why it matters. */
public record ReplyFinding(String rule, String excerpt, int start, int end, String explanation) {
}
