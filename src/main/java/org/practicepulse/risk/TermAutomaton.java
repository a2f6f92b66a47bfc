package org.practicepulse.risk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over all the terms of a rule file: one pass over a text finds every
 * occurrence of every term. The transitions form a complete table over the characters that occur
 * in terms (any other character leads back to the root), so that reading a character is two array
 * lookups and no allocation.
 */
final class TermAutomaton {

    /** Receives each occurrence: the keyword's index and its [start, end) in the text. */
    interface Occurrences {
        void found(int keyword, int start, int end);
    }

    private final char[] classOf = new char[Character.MAX_VALUE + 1];
    private final int classes;
    private final int[] next;
    private final int[][] outputs;
    private final int[] lengths;

    /** Builds the automaton of these keywords (already lower-cased); occurrences report their index. */
    TermAutomaton(List<String> keywords) {
        int count = 1;
        for (String k : keywords) {
            for (int i = 0; i < k.length(); i++) {
                if (classOf[k.charAt(i)] == 0) {
                    classOf[k.charAt(i)] = (char) count++;
                }
            }
        }
        classes = count;
        lengths = keywords.stream().mapToInt(String::length).toArray();

        // The trie, with -1 for a missing child.
        List<int[]> children = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        children.add(newRow());
        ends.add(new ArrayList<>());
        for (int k = 0; k < keywords.size(); k++) {
            int state = 0;
            String keyword = keywords.get(k);
            for (int i = 0; i < keyword.length(); i++) {
                int c = classOf[keyword.charAt(i)];
                if (children.get(state)[c] < 0) {
                    children.get(state)[c] = children.size();
                    children.add(newRow());
                    ends.add(new ArrayList<>());
                }
                state = children.get(state)[c];
            }
            ends.get(state).add(k);
        }

        // Breadth first: failure links, complete transitions and outputs inherited along the links.
        int states = children.size();
        next = new int[states * classes];
        outputs = new int[states][];
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        outputs[0] = new int[0];
        for (int c = 0; c < classes; c++) {
            int child = children.get(0)[c];
            if (c > 0 && child > 0) {
                next[c] = child;
                fail[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            int[] own = ends.get(state).stream().mapToInt(Integer::intValue).toArray();
            int[] inherited = outputs[fail[state]];
            int[] all = Arrays.copyOf(own, own.length + inherited.length);
            System.arraycopy(inherited, 0, all, own.length, inherited.length);
            outputs[state] = all;
            for (int c = 1; c < classes; c++) {
                int child = children.get(state)[c];
                if (child > 0) {
                    next[state * classes + c] = child;
                    fail[child] = next[fail[state] * classes + c];
                    queue.add(child);
                } else {
                    next[state * classes + c] = next[fail[state] * classes + c];
                }
            }
        }
    }

    private int[] newRow() {
        int[] row = new int[classes];
        Arrays.fill(row, -1);
        return row;
    }

    /** Reports every occurrence of every keyword in the text. */
    void scan(String text, Occurrences out) {
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            int c = classOf[text.charAt(i)];
            state = c == 0 ? 0 : next[state * classes + c];
            int[] found = outputs[state];
            for (int k : found) {
                out.found(k, i + 1 - lengths[k], i + 1);
            }
        }
    }

    /** For tests and logs: how big the automaton is. */
    Map<String, Integer> size() {
        return Map.of("states", outputs.length, "classes", classes);
    }
}
