package org.pressroom.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Compact posting lists: ascending document numbers as gaps, each gap written in groups of five bits,
 * low group first, one URL-safe base-64 character per group with the sixth bit meaning "more groups
 * follow". The first number is written as is, each later one as its distance to the previous minus
 * one, so consecutive documents cost one character each. {@code search.js} decodes the same format.
 */
final class Postings {
    static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private Postings() {
    }

    /** Encodes strictly ascending non-negative numbers. */
    static String encode(List<Integer> ascending) {
        StringBuilder out = new StringBuilder(ascending.size() * 2);
        int previous = -1;
        for (int n : ascending) {
            if (n <= previous) {
                throw new IllegalArgumentException("not strictly ascending: " + ascending);
            }
            int v = n - previous - 1;
            previous = n;
            do {
                int group = v & 31;
                v >>>= 5;
                out.append(DIGITS.charAt(v == 0 ? group : group | 32));
            } while (v != 0);
        }
        return out.toString();
    }

    static List<Integer> decode(String text) {
        List<Integer> out = new ArrayList<>();
        int previous = -1;
        int value = 0;
        int shift = 0;
        for (int i = 0; i < text.length(); i++) {
            int d = DIGITS.indexOf(text.charAt(i));
            if (d < 0) {
                throw new IllegalArgumentException("not a posting digit: " + text.charAt(i));
            }
            value |= (d & 31) << shift;
            shift += 5;
            if ((d & 32) == 0) {
                previous = previous + value + 1;
                out.add(previous);
                value = 0;
                shift = 0;
            }
        }
        return out;
    }
}
