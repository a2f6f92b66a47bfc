package org.practicepulse.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplySafetyCheckerTest {

    private final ReplySafetyChecker checker = new ReplySafetyChecker(new SentimentAnalyzer());

    /** Replies that disclose, with the risk and the rules that must find it. */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            When you came in for your procedure last week, Dr. Reyes noted that everything went well.           | high   | patient-relationship treatment
            We reviewed your chart and the nurse did call you back twice.                                         | high   | patient-relationship
            As your physician, I recommended the MRI because it was the safest next step.                         | high   | patient-relationship
            We're sorry your visit on March 3 took longer than expected.                                          | high   | patient-relationship visit-date
            Your test results were normal, so there was no need for a second appointment.                         | high   | test-results
            We're sorry about the confusion; your insurance (Aetna) denied the claim, not our office.             | high   | insurance-billing
            Your copay of $40 was collected at check-in as your plan requires.                                    | high   | insurance-billing
            The delay in refilling your metformin was caused by the pharmacy, not by us.                          | high   | medication
            Managing diabetes is hard, and Dr. Okafor wants to help you keep your A1C down.                       | high   | test-results
            Our records show you missed two appointments in October.                                              | high   | patient-relationship
            You were seen by our nurse practitioner on 10/14/2026, not by Dr. Reyes.                              | high   | patient-relationship visit-date
            We're glad your knee injection helped so much.                                                       | high   | treatment
            Your prescription for amoxicillin was sent to the pharmacy the same day.                              | high   | medication
            We're sorry the stitches from your surgery were uncomfortable.                                        | high   | treatment
            Our billing team confirmed that your balance of $215 comes from your deductible.                      | high   | insurance-billing
            The physical therapy Dr. Reyes ordered for your back should continue twice a week.                    | high   | treatment diagnosis
            We're sorry you had to wait during your appointment on Tuesday.                                       | high   | patient-relationship visit-date
            Your depression screening is part of every annual physical we do.                                     | high   | test-results
            Since you are a Medicaid patient, the referral needed prior authorization.                            | high   | patient-relationship
            It was a pleasure to see you and your daughter at the clinic last Friday!                             | high   | patient-relationship visit-date
            Your biopsy came back benign, which we shared with you by phone.                                      | high   | test-results
            Mr. Alvarez, your blood pressure readings have improved a lot since June.                             | high   | full-name-address test-results
            We hope your recovery from the colonoscopy is going well.                                             | high   | treatment
            Thank you, Linda! It was great having you as a patient for the past five years.                       | high   | patient-relationship
            Dr. Reyes says your flu shot reaction is normal and should pass in a day.                             | high   | treatment
            We understand you were diagnosed recently and that this is a stressful time.                          | high   | diagnosis
            We're sorry your daughter's asthma flared up again.                                                   | high   | diagnosis
            We billed you only for the portion your plan did not cover.                                           | high   | insurance-billing
            We hope your mom is doing well after her hip replacement.                                             | high   | treatment
            If you would like to discuss your visit, please call us.                                              | high   | patient-relationship
            Dear John Miller, thank you for your feedback.                                                        | medium | full-name-address
            Thanks for the kind words, Maria Gonzalez!                                                            | medium | full-name-address
            We're sorry your experience with Dr. Okafor did not meet your expectations.                           | medium | implied-relationship
            We're sorry your wait was longer than usual that day.                                                 | medium | implied-relationship
            We look forward to seeing you again soon!                                                             | medium | implied-relationship
            """)
    void findsDisclosures(String reply, String risk, String rules) {
        ReplyCheck check = checker.check(reply, null);
        assertEquals(ReplyRisk.of(risk), check.risk(), () -> "risk of: " + reply + " " + check.findings());
        assertEquals(new TreeSet<>(Arrays.asList(rules.split(" "))),
                new TreeSet<>(check.findings().stream().map(ReplyFinding::rule).toList()), () -> "rules of: " + reply + " " + check.findings());
        for (ReplyFinding finding : check.findings()) {
            assertEquals(finding.excerpt(), reply.substring(finding.start(), finding.end()));
            assertFalse(finding.explanation().isBlank());
        }
    }

    /** Generic and negated phrasing that must not be flagged. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Thank you for your feedback. We take every comment seriously. Please contact our office at (555) 555-0100 so we can learn more.
            We cannot discuss any individual's care in a public forum, but we would welcome a call to our practice manager.
            Privacy laws prevent us from confirming whether someone is a patient. Please call our office.
            Thank you for the kind words! Our whole team works hard to make every visit a good one.
            We're sorry to hear this. We'd like to understand what happened; please reach out to our office manager directly.
            We can neither confirm nor deny that any person has received care here.
            We cannot confirm whether you are a patient of ours, but we would be glad to talk by phone.
            Our team strives to provide compassionate care to everyone who walks through our doors.
            We appreciate you taking the time to share this. Please contact us at the number on our website.
            Thank you for recommending Lakeside Family Medicine to your friends and family!
            Wait times can vary on busy days, and we are always working to improve them.
            We are open Monday through Friday, 8 a.m. to 5 p.m., and on Saturday mornings.
            Flu shots are available for all ages starting October 1; call to schedule.
            We accept most major insurance plans, including Medicare and Blue Cross; the full list is on our website.
            Billing questions can be answered by our billing office at 555-0100.
            To protect everyone's privacy, we never discuss health information online.
            Thank you! We'll pass your kind words along to the team.
            We're sorry for any frustration. Our goal is for every patient to feel heard.
            Please contact our practice manager, Ana, at our main number so we can talk this over.
            Dr. Okafor and Dr. Reyes appreciate the feedback.
            We can't comment on any specific situation, but we would like to hear from you directly at our office.
            Our practice follows HIPAA, so we can't respond with details here. Please give us a call.
            Thanks for the five stars! We look forward to continuing to serve our community.
            If you have concerns about a bill, our billing office can walk through any statement with you privately.
            We're sorry to hear about the wait. Please call us at [practice phone] so we can make this right.
            Whether or not someone is a patient here is something we are not able to discuss online.
            Test results are usually available in the patient portal within three business days.
            We value your thoughts on appointment availability and have added evening hours.
            If you are a patient, please call our office so we can help.
            """)
    void leavesGenericRepliesAlone(String reply) {
        ReplyCheck check = checker.check(reply, null);
        assertEquals(ReplyRisk.LOW, check.risk(), () -> reply + " " + check.findings());
        assertEquals(List.of(), check.findings());
    }

    @Test
    void explainsEachFindingWithItsExactPlace() {
        String reply = "Hi Sarah Jones, we're sorry your visit on March 3 took so long.";
        ReplyCheck check = checker.check(reply, null);
        assertEquals(ReplyRisk.HIGH, check.risk());
        assertEquals(List.of(finding(reply, "full-name-address", "Sarah Jones"), finding(reply, "patient-relationship", "your visit"),
                finding(reply, "visit-date", "March 3")), check.findings());
        assertEquals(new ReplyFinding("visit-date", "March 3", 42, 49, explanation("visit-date")), check.findings().get(2));
    }

    @Test
    void namingTheReviewerIsMediumAloneAndHighWithAnyOtherDetail() {
        ReplyCheck named = checker.check("Tom, we appreciate you taking the time to write.", null, "Tom B.");
        assertEquals(ReplyRisk.MEDIUM, named.risk());
        assertEquals(List.of(new ReplyFinding("reviewer-name", "Tom", 0, 3, explanation("reviewer-name"))), named.findings());

        ReplyCheck namedAndImplied = checker.check("Tom, we look forward to seeing you again.", null, "Tom B.");
        assertEquals(ReplyRisk.HIGH, namedAndImplied.risk());

        // an anonymous display name names no one; a clinician who shares the name is not the reviewer
        assertEquals(ReplyRisk.LOW, checker.check("Thank you for using Google to share this.", null, "A Google User").risk());
        assertEquals(ReplyRisk.LOW, checker.check("Dr. Reyes appreciates the feedback.", null, "Daniel Reyes").risk());
    }

    @Test
    void aHealthDetailFromTheReviewRepeatedToTheReviewerIsADisclosure() {
        String review = "Dr. Okafor finally got my migraines under control. Five stars!";
        String reply = "We're so glad the new migraine plan is working for you!";
        ReplyCheck check = checker.check(reply, review);
        assertEquals(ReplyRisk.HIGH, check.risk());
        assertEquals(List.of(finding(reply, "repeats-review-detail", "migraine")), check.findings());
        // without the review, the same reply names nothing of the reviewer's
        assertEquals(ReplyRisk.LOW, checker.check(reply, null).risk());
    }

    @Test
    void suggestsAGenericReplyInTheToneOfTheReviewThatItselfDisclosesNothing() {
        ReplyCheck angry = checker.check("Your test results were normal.", "Terrible. Rude staff and a two hour wait, never again!");
        ReplyCheck happy = checker.check("Your test results were normal.", "Wonderful doctor, kind nurses, highly recommend.");
        ReplyCheck unknown = checker.check("Your test results were normal.", null);
        assertTrue(angry.suggestedReply().contains("ask for the practice manager"));
        assertTrue(happy.suggestedReply().startsWith("Thank you for taking the time to share such kind words."));
        assertTrue(unknown.suggestedReply().contains("we would welcome the chance to talk"));
        for (ReplyCheck check : List.of(angry, happy, unknown)) {
            assertTrue(check.suggestedReply().contains("[practice phone]"));
            assertEquals(ReplyRisk.LOW, checker.check(check.suggestedReply(), "Dr. Okafor treated my migraines.").risk(),
                    check.suggestedReply());
        }
    }

    @Test
    void curlyApostrophesAndLineBreaksDoNotHideADisclosure() {
        ReplyCheck check = checker.check("We\u2019re sorry.\nWhen   you came in\nfor your procedure we were short-staffed.", null);
        assertEquals(ReplyRisk.HIGH, check.risk());
        assertEquals("When   you came in", check.findings().get(0).excerpt());
    }

    @Test
    void anEmptyReplyHasNoFindings() {
        assertEquals(ReplyRisk.LOW, checker.check("", null).risk());
        assertEquals(ReplyRisk.LOW, checker.check(null, null).risk());
    }

    @Test
    void sentencesDoNotEndAtTitlesOrTimes() {
        String text = "Dr. Reyes sees patients from 8 a.m. on weekdays. Thank you!";
        assertEquals(List.of("Dr. Reyes sees patients from 8 a.m. on weekdays.", "Thank you!"),
                ReplySafetyChecker.sentences(text).stream().map(s -> text.substring(s[0], s[1])).toList());
    }

    private static ReplyFinding finding(String reply, String rule, String excerpt) {
        int start = reply.indexOf(excerpt);
        return new ReplyFinding(rule, excerpt, start, start + excerpt.length(), explanation(rule));
    }

    private static String explanation(String rule) {
        return ReplySafetyRules.bundled().rules.stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow().explanation();
    }
}
