package org.partybuilding.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The firewall's header checks without regular expressions answer exactly as Spring Security's own do. */
class HeaderCharactersTest {

    @Test
    void namesAndValuesAreJudgedAsTheFirewallsRegularExpressionsJudgeThemForEveryCodePoint() {
        Predicate<String> names = StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES;
        Predicate<String> values = StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES;
        int refusedValues = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = new String(Character.toChars(codePoint));
            String amid = "Bearer eyJ" + alone + "x.y";
            assertThat(HeaderCharacters.allowedName(alone)).as("name U+%04X", codePoint).isEqualTo(names.test(alone));
            assertThat(HeaderCharacters.allowedValue(alone)).as("value U+%04X", codePoint).isEqualTo(values.test(alone));
            assertThat(HeaderCharacters.allowedValue(amid)).as("in a value U+%04X", codePoint).isEqualTo(values.test(amid));
            refusedValues += values.test(alone) ? 0 : 1;
        }
        assertThat(refusedValues).as("the defence is there: controls and unassigned code points").isGreaterThan(1000);
    }

    @Test
    void loneSurrogatesTabsAndNullAreJudgedAlike() {
        Pattern value = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");
        for (String s : new String[] {null, "", "\t", "a\tb", "\uD800", "x\uDC00y", "\uD83D\uDE00", "\u0000", "a\r\nb",
                "\u007F", "\u0085", "\u2028", "越秀区"}) {
            assertThat(HeaderCharacters.allowedValue(s)).as(String.valueOf(s)).isEqualTo(s == null || value.matcher(s).matches());
            assertThat(HeaderCharacters.allowedName(s)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(s));
        }
        assertThat(HeaderCharacters.allowedValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.allowedName("a\tb")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\r\nb")).isFalse();
    }
}
