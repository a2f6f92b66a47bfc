package org.practicepulse.risk;

/** A rule file that cannot be used; the message names the file and the field. */
public class RuleFileException extends RuntimeException {

    public RuleFileException(String file, String field, String problem) {
        super("risk rule file " + file + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
    }
}
