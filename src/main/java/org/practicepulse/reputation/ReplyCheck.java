package org.practicepulse.reputation;

import java.util.List;

/** The verdict on a reply: its risk, every finding in reply order, and a safe generic reply to use instead. */
public record ReplyCheck(ReplyRisk risk, List<ReplyFinding> findings, String suggestedReply) {
}
