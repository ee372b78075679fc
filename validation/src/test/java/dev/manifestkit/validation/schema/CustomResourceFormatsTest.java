package dev.manifestkit.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The string formats the API server asserts on custom resources, with kube-openapi's Go rules. */
class CustomResourceFormatsTest {

    @Test
    void dateTimeIsStrfmtsIsDateTimeNotJavasParser() {
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31T23:59:59Z")).isTrue();
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31t10:00:00.123456+05:30")).isTrue();
        assertThat(CustomResourceFormats.satisfies("datetime", "2024-01-31T10:00:00Z")).isTrue();
        // any one character before the fraction's digits, and parts after a second 't' unread
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31T10:00:00,5Z")).isTrue();
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31T10:00:00ZtWHATEVER")).isTrue();
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31T24:00:00Z")).isFalse();
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31T10:00:00")).isFalse(); // no zone
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31 10:00:00Z")).isFalse();
        assertThat(CustomResourceFormats.satisfies("date-time", "2023-02-29T10:00:00Z")).isFalse();
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31T10:00:00Z\n")).isFalse();
    }

    @Test
    void dateIsGosFullDateWithARealDay() {
        assertThat(CustomResourceFormats.satisfies("date", "2024-02-29")).isTrue();
        assertThat(CustomResourceFormats.satisfies("date", "2000-02-29")).isTrue();
        assertThat(CustomResourceFormats.satisfies("date", "1900-02-29")).isFalse();
        assertThat(CustomResourceFormats.satisfies("date", "2024-04-31")).isFalse();
        assertThat(CustomResourceFormats.satisfies("date", "2024-1-01")).isFalse();
        assertThat(CustomResourceFormats.satisfies("date", "2024-01-00")).isFalse();
    }

    @Test
    void byteIsPaddedStandardBase64() {
        assertThat(CustomResourceFormats.satisfies("byte", "aGVsbG8=")).isTrue();
        assertThat(CustomResourceFormats.satisfies("byte", "ab+/")).isTrue();
        assertThat(CustomResourceFormats.satisfies("byte", "ab-_")).isFalse(); // URL alphabet
        assertThat(CustomResourceFormats.satisfies("byte", "aGVsbG8")).isFalse(); // unpadded
        assertThat(CustomResourceFormats.satisfies("byte", "aGVs\nbG8=")).isFalse();
    }

    @Test
    void uuidsAllowUpperCaseAndMissingDashes() {
        assertThat(CustomResourceFormats.satisfies("uuid", "123E4567-E89B-12D3-A456-426614174000")).isTrue();
        assertThat(CustomResourceFormats.satisfies("uuid", "123e4567e89b12d3a456426614174000")).isTrue();
        assertThat(CustomResourceFormats.satisfies("uuid", "123e4567-e89b-12d3-a456-42661417400")).isFalse();
        assertThat(CustomResourceFormats.satisfies("uuid4", "123e4567-e89b-12d3-a456-426614174000")).isFalse();
        assertThat(CustomResourceFormats.satisfies("uuid4", "123e4567-e89b-42d3-a456-426614174000")).isTrue();
    }

    @Test
    void durationIsGosOrTheScalaStyleFallback() {
        assertThat(CustomResourceFormats.satisfies("duration", "1h30m")).isTrue();
        assertThat(CustomResourceFormats.satisfies("duration", "-1.5s")).isTrue();
        assertThat(CustomResourceFormats.satisfies("duration", "0")).isTrue();
        assertThat(CustomResourceFormats.satisfies("duration", "1\u03BCs")).isTrue();
        assertThat(CustomResourceFormats.satisfies("duration", "3 days")).isTrue();
        assertThat(CustomResourceFormats.satisfies("duration", "every 2 weeks")).isTrue();
        assertThat(CustomResourceFormats.satisfies("duration", "forever")).isFalse();
        assertThat(CustomResourceFormats.satisfies("duration", "10")).isFalse();
        assertThat(CustomResourceFormats.satisfies("duration", "5 months")).isFalse();
        assertThat(CustomResourceFormats.satisfies("duration", "99999999999999999999 days")).isFalse();
    }

    @Test
    void ipv4IsTheSloppyParseIPWithADot() {
        assertThat(CustomResourceFormats.satisfies("ipv4", "10.0.0.1")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ipv4", "010.000.0.001")).isTrue(); // leading zeros, Go 1.16
        assertThat(CustomResourceFormats.satisfies("ipv4", "0000000001.2.3.4")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ipv4", "::ffff:1.2.3.4")).isTrue(); // an IPv6 address with a dot
        assertThat(CustomResourceFormats.satisfies("ipv4", "1:2:3:4:5:6:1.2.3.4")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ipv4", "::1")).isFalse(); // parses, but no dot
        assertThat(CustomResourceFormats.satisfies("ipv4", "1:2:3:4:5:6:7:1.2.3.4")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv4", "256.0.0.1")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv4", "10.0.0")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv4", "1.2.3.4.5")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv4", "0x1.2.3.4")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv4", " 1.2.3.4")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv4", "1.2.3.4%eth0")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv4", "\uFF11.2.3.4")).isFalse(); // a full-width digit
    }

    @Test
    void ipv6RefusesOnlyWhatEveryGoParseIPRefuses() {
        assertThat(CustomResourceFormats.satisfies("ipv6", "::")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ipv6", "::1")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ipv6", "2001:DB8::AB:1")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ipv6", "1:2:3:4:5:6:7:8")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ipv6", "::ffff:1.2.3.4")).isTrue();
        // the sloppy parser takes these; the standard library's ParseIP of a recent Go may not: passed, not judged
        assertThat(CustomResourceFormats.satisfies("ipv6", "00001::")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ipv6", "::ffff:01.2.3.4")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ipv6", "fe80::1%eth0")).isFalse(); // no zones
        assertThat(CustomResourceFormats.satisfies("ipv6", "fe80::1%")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv6", "1.2.3.4")).isFalse(); // parses, but no colon
        assertThat(CustomResourceFormats.satisfies("ipv6", "1::2::3")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv6", ":::")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv6", "1:")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv6", "1:2:3:4:5:6:7")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv6", "1:2:3:4:5:6:7:8:9")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv6", "1:2:3:4:5:6:7::")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ipv6", "1:2:3:4::5:6:7:8")).isFalse(); // :: standing for nothing
        assertThat(CustomResourceFormats.satisfies("ipv6", "10000::")).isFalse(); // above 0xFFFF
        assertThat(CustomResourceFormats.satisfies("ipv6", "::g")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv6", "[::1]")).isFalse();
    }

    @Test
    void cidrIsTheSloppyParseCIDR() {
        assertThat(CustomResourceFormats.satisfies("cidr", "10.0.0.0/8")).isTrue();
        assertThat(CustomResourceFormats.satisfies("cidr", "10.0.0.1/32")).isTrue(); // host bits may be set
        assertThat(CustomResourceFormats.satisfies("cidr", "010.0.0.0/08")).isTrue();
        assertThat(CustomResourceFormats.satisfies("cidr", "::/0")).isTrue();
        assertThat(CustomResourceFormats.satisfies("cidr", "2001:db8::/128")).isTrue();
        assertThat(CustomResourceFormats.satisfies("cidr", "::ffff:1.2.3.4/120")).isTrue(); // an IPv6 prefix
        assertThat(CustomResourceFormats.satisfies("cidr", "1.2.3.4/33")).isFalse();
        assertThat(CustomResourceFormats.satisfies("cidr", "::/129")).isFalse();
        assertThat(CustomResourceFormats.satisfies("cidr", "1.2.3.4")).isFalse();
        assertThat(CustomResourceFormats.satisfies("cidr", "1.2.3.4/")).isFalse();
        assertThat(CustomResourceFormats.satisfies("cidr", "1.2.3.4/+8")).isFalse();
        assertThat(CustomResourceFormats.satisfies("cidr", "1.2.3.4/8/8")).isFalse();
        assertThat(CustomResourceFormats.satisfies("cidr", "fe80::1%eth0/64")).isFalse();
        assertThat(CustomResourceFormats.satisfies("cidr", "1.2.3/24")).isFalse();
    }

    @Test
    void macIsGosParseMAC() {
        assertThat(CustomResourceFormats.satisfies("mac", "00:1a:2B:3c:4D:5e")).isTrue();
        assertThat(CustomResourceFormats.satisfies("mac", "00-1A-2B-3C-4D-5E")).isTrue();
        assertThat(CustomResourceFormats.satisfies("mac", "00:11:22:33:44:55:66:77")).isTrue(); // EUI-64
        assertThat(CustomResourceFormats.satisfies("mac",
                "00:00:00:00:fe:80:00:00:00:00:00:00:02:00:5e:10:00:00:00:01")).isTrue(); // 20 octets
        assertThat(CustomResourceFormats.satisfies("mac", "0011.2233.4455")).isTrue();
        assertThat(CustomResourceFormats.satisfies("mac", "0011.2233.4455.6677")).isTrue();
        assertThat(CustomResourceFormats.satisfies("mac",
                "0000.0000.fe80.0000.0000.0000.0200.5e10.0000.0001")).isTrue();
        assertThat(CustomResourceFormats.satisfies("mac", "00:11:22:33:44:55:66")).isFalse(); // 7 octets
        assertThat(CustomResourceFormats.satisfies("mac", "00:11-22:33:44:55")).isFalse(); // mixed separators
        assertThat(CustomResourceFormats.satisfies("mac", "00:11:22:33:44:5g")).isFalse();
        assertThat(CustomResourceFormats.satisfies("mac", "0:11:22:33:44:55")).isFalse();
        assertThat(CustomResourceFormats.satisfies("mac", "00.11.22.33.44.55")).isFalse();
        assertThat(CustomResourceFormats.satisfies("mac", "001122334455")).isFalse();
        assertThat(CustomResourceFormats.satisfies("mac", "0011:2233:4455")).isFalse();
    }

    @Test
    void uriRefusesWhatParseRequestURIRefusesBeforeAnAuthority() {
        assertThat(CustomResourceFormats.satisfies("uri", "https://example.com/a?b")).isTrue();
        assertThat(CustomResourceFormats.satisfies("uri", "/a/b?c=%zz")).isTrue(); // the query is not unescaped
        assertThat(CustomResourceFormats.satisfies("uri", "*")).isTrue();
        assertThat(CustomResourceFormats.satisfies("uri", "mailto:someone@example.com")).isTrue(); // opaque
        assertThat(CustomResourceFormats.satisfies("uri", "urn:x y")).isTrue();
        assertThat(CustomResourceFormats.satisfies("uri", "http://a b/")).isTrue(); // an authority: not judged
        assertThat(CustomResourceFormats.satisfies("uri", "example.com/a")).isFalse(); // invalid URI for request
        assertThat(CustomResourceFormats.satisfies("uri", "?a")).isFalse();
        assertThat(CustomResourceFormats.satisfies("uri", ":8080/a")).isFalse(); // missing protocol scheme
        assertThat(CustomResourceFormats.satisfies("uri", "1http://x")).isFalse(); // a scheme starts with a letter
        assertThat(CustomResourceFormats.satisfies("uri", "/a%zz")).isFalse();
        assertThat(CustomResourceFormats.satisfies("uri", "http:/a%2")).isFalse();
        assertThat(CustomResourceFormats.satisfies("uri", "//host/path%g0")).isFalse(); // no scheme: a path
        assertThat(CustomResourceFormats.satisfies("uri", "https://example.com/\n")).isFalse(); // a control byte
    }

    @Test
    void hostnameIsStrfmtsPatternForASCII() {
        assertThat(CustomResourceFormats.satisfies("hostname", "example.com")).isTrue();
        assertThat(CustomResourceFormats.satisfies("hostname", "my-host.example.com")).isTrue();
        assertThat(CustomResourceFormats.satisfies("hostname", "localhost")).isTrue();
        assertThat(CustomResourceFormats.satisfies("hostname", "m-yhost")).isTrue();
        assertThat(CustomResourceFormats.satisfies("hostname", "10.0.0.10")).isTrue(); // the 2021 pattern
        assertThat(CustomResourceFormats.satisfies("hostname", "10.0.0.1")).isFalse(); // a last label of one digit
        assertThat(CustomResourceFormats.satisfies("hostname", "a$b.example.com")).isTrue(); // \p{S}
        // one label takes a dash only after its first character
        assertThat(CustomResourceFormats.satisfies("hostname", "my-host")).isFalse();
        assertThat(CustomResourceFormats.satisfies("hostname", "-")).isFalse();
        assertThat(CustomResourceFormats.satisfies("hostname", "-example.com")).isFalse();
        assertThat(CustomResourceFormats.satisfies("hostname", "ex_ample.com")).isFalse();
        assertThat(CustomResourceFormats.satisfies("hostname", "a..b")).isFalse();
        assertThat(CustomResourceFormats.satisfies("hostname", "example.com.")).isFalse();
        assertThat(CustomResourceFormats.satisfies("hostname", "a".repeat(64) + ".com")).isFalse();
        assertThat(CustomResourceFormats.satisfies("hostname", ("a".repeat(60) + ".").repeat(5) + "com")).isFalse();
        assertThat(CustomResourceFormats.satisfies("hostname", "b\u00FCcher.example")).isTrue(); // not judged
    }

    @Test
    void bsonObjectIdIsTwentyFourHexDigits() {
        assertThat(CustomResourceFormats.satisfies("bsonobjectid", "507f1f77bcf86cd799439011")).isTrue();
        assertThat(CustomResourceFormats.satisfies("bsonobjectid", "507F1F77BCF86CD799439011")).isTrue();
        assertThat(CustomResourceFormats.satisfies("bsonobjectid", "507f1f77bcf86cd79943901")).isFalse();
        assertThat(CustomResourceFormats.satisfies("bsonobjectid", "507f1f77bcf86cd79943901g")).isFalse();
    }

    @Test
    void isbnCreditCardSsnAndRgbColorAreGovalidators() {
        assertThat(CustomResourceFormats.satisfies("isbn10", "0-321-75104-3")).isTrue();
        assertThat(CustomResourceFormats.satisfies("isbn10", "043942089X")).isTrue();
        assertThat(CustomResourceFormats.satisfies("isbn10", "043942089x")).isFalse(); // X only upper case
        assertThat(CustomResourceFormats.satisfies("isbn10", "0321751042")).isFalse(); // check digit
        assertThat(CustomResourceFormats.satisfies("isbn13", "978-0321751041")).isTrue();
        assertThat(CustomResourceFormats.satisfies("isbn13", "978 0 321 75104 1")).isTrue();
        assertThat(CustomResourceFormats.satisfies("isbn13", "9780321751042")).isFalse();
        assertThat(CustomResourceFormats.satisfies("isbn", "0321751043")).isTrue();
        assertThat(CustomResourceFormats.satisfies("isbn", "9780321751041")).isTrue();
        assertThat(CustomResourceFormats.satisfies("isbn", "978032175104")).isFalse();
        assertThat(CustomResourceFormats.satisfies("creditcard", "4111 1111 1111 1111")).isTrue();
        assertThat(CustomResourceFormats.satisfies("creditcard", "4111-1111/1111.1111")).isTrue(); // non-digits dropped
        assertThat(CustomResourceFormats.satisfies("creditcard", "378282246310005")).isTrue();
        assertThat(CustomResourceFormats.satisfies("creditcard", "4111111111111112")).isFalse(); // Luhn
        assertThat(CustomResourceFormats.satisfies("creditcard", "1234567812345670")).isFalse(); // no issuer
        assertThat(CustomResourceFormats.satisfies("ssn", "123-45-6789")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ssn", "123 45-6789")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ssn", "123456789")).isFalse(); // eleven bytes exactly
        assertThat(CustomResourceFormats.satisfies("ssn", "123-456-789")).isFalse();
        assertThat(CustomResourceFormats.satisfies("rgbcolor", "rgb(255, 0, 10)")).isTrue();
        assertThat(CustomResourceFormats.satisfies("rgbcolor", "rgb(\t1 ,2,\n3 )")).isTrue();
        assertThat(CustomResourceFormats.satisfies("rgbcolor", "rgb(256,0,0)")).isFalse();
        assertThat(CustomResourceFormats.satisfies("rgbcolor", "rgb(01,0,0)")).isFalse();
        assertThat(CustomResourceFormats.satisfies("rgbcolor", "rgb(\0131,2,3)")).isFalse(); // RE2's \s has no \v
        assertThat(CustomResourceFormats.satisfies("rgbcolor", "RGB(1,2,3)")).isFalse();
    }

    @Test
    void formatsNotPortedAndUnknownOnesAndEmptyStringsPass() {
        assertThat(CustomResourceFormats.satisfies("email", "not an email")).isTrue();
        assertThat(CustomResourceFormats.satisfies("k8s-short-name", "UPPER")).isTrue();
        assertThat(CustomResourceFormats.satisfies("int-or-string", "x")).isTrue();
        assertThat(CustomResourceFormats.satisfies("date-time", "")).isTrue();
        assertThat(CustomResourceFormats.satisfies("hostname", "")).isTrue();
    }
}
