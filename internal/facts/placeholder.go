package facts

import (
	"strings"

	"github.com/appilint/appilint/internal/rx"
)

// PlaceholderValue is a template blank in 【】 brackets where a value goes:
// 【金額】, 【住所】, 【代表者氏名】, 【15】. A clause that states an item
// with such a blank in its value slot has the item drafted: the missing
// value is appi/placeholder's finding, not the item rule's. Other marks
// (〇〇, XXX) stand for a value that is simply absent and are not accepted.
//
// Patterns put it only in the slot next to the item's label or keyword
// (住所：【…】, 1件につき【…】円, 【…】歳未満): a bracket on a line of its
// own is a heading (【お問い合わせ窓口】), not a value.
const PlaceholderValue = `【[^】\n]{1,24}】`

var (
	placeholderValue     = rx.MustCompile(PlaceholderValue)
	placeholderValueOnly = rx.MustCompile(`^(?:` + PlaceholderValue + `\s*)+$`)
	// placeholderLead is a blank that opens a value after its label's
	// separator (代表取締役 【代表者氏名】, 代表者：【氏名】).
	placeholderLead = rx.MustCompile(`^[\s:]*(` + PlaceholderValue + `)`)
	legalForm       = rx.MustCompile(legalForms)
)

// HasPlaceholder reports whether s contains a 【…】 blank.
func HasPlaceholder(s string) bool {
	return strings.Contains(s, "【") && placeholderValue.MatchString(s)
}

// IsPlaceholder reports whether s, spaces trimmed, is nothing but 【…】
// blanks (【会社名】, 〒 aside: 【郵便番号】 【住所】).
func IsPlaceholder(s string) bool {
	return placeholderValueOnly.MatchString(strings.TrimSpace(s))
}

// IsBlankName reports whether a name is a 【…】 blank, with or without a
// legal form (株式会社【会社名】): the name is drafted, its value not filled.
func IsBlankName(s string) bool {
	return IsPlaceholder(legalForm.ReplaceAllString(s, ""))
}

// leadingPlaceholder returns the 【…】 blank that opens s, after spaces
// and a colon, with its offset; "" when s opens with none.
func leadingPlaceholder(s string) (string, int) {
	m := placeholderLead.FindStringSubmatchIndex(s)
	if m == nil {
		return "", 0
	}
	return s[m[2]:m[3]], m[2]
}
