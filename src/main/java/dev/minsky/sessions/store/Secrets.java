package dev.minsky.sessions.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks passwords in connection strings before anything is shown, logged or thrown. */
public final class Secrets {
    public static final String MASK = "****";
    // scheme://user:password@host  (the password may contain anything but '@' followed by the host part)
    private static final Pattern USERINFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@]*):([^@]*)@");
    private static final Pattern USERINFO_ANYWHERE = Pattern.compile("(://[^:/?#@\\s]*):[^@\\s]*@");
    private static final Pattern PARAM = Pattern.compile("(?i)([?&;]password=)([^&;]*)");
    private static final Pattern KEYWORD = Pattern.compile("(?i)(\\bpassword\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|\\S+)");

    private Secrets() {
    }

    /** {@code postgresql://bob:s3cret@db/x?password=s3cret} → {@code postgresql://bob:****@db/x?password=****}. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = url;
        Matcher m = USERINFO.matcher(masked);
        if (m.find()) {
            masked = m.group(1) + ":" + MASK + "@" + masked.substring(m.end());
        }
        masked = PARAM.matcher(masked).replaceAll("$1" + MASK);
        if (!masked.contains("://")) {
            masked = KEYWORD.matcher(masked).replaceAll("$1" + MASK);
        }
        return masked;
    }

    /**
     * Free text (an error message that may quote an argument or a line of a file) with the password
     * of every connection string in it masked: {@code scheme://user:password@} and
     * {@code password=} parameters, wherever they stand.
     */
    public static String maskUrlsIn(String text) {
        if (text == null) {
            return null;
        }
        return PARAM.matcher(USERINFO_ANYWHERE.matcher(text).replaceAll("$1:" + MASK + "@")).replaceAll("$1" + MASK);
    }

    /**
     * {@code text} with every occurrence of {@code secret} masked, as written and as it appears
     * URL-encoded (driver messages may echo either).
     */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, MASK).replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), MASK);
    }
}
