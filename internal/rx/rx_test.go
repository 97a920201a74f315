package rx

import (
	"fmt"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unsafe"
)

func TestPrefilter(t *testing.T) {
	for _, tc := range []struct{ expr, want string }{
		{`個人情報`, `"個人情報"`},
		{`個人(情報|データ)`, `"個人情報" | "個人データ"`},
		{`第三者.*提供`, `"第三者" & "提供"`},
		{`(?:開示|訂正)(?:等)?の(?:請求|求め)`, `"開示等の請求" | "開示等の求め" | "開示の請求" | "開示の求め" | "訂正等の請求" | "訂正等の求め" | "訂正の請求" | "訂正の求め"`},
		{`^\s*第[0-9]+条`, `"第" & ("0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9") & "条"`},
		{`(?i)cookie`, `(?i)"COOKIE"`},
		{`(?i)Google ?Analytics|クッキー`, `((?i)"GOOGLE" & (?i)"ANALYTICS") | "クッキー"`},
		{`(?i)クッキー`, `"クッキー"`},
		{`a*`, `*`},
		{`(安全管理|保護)?措置`, `"措置"`},
		{`x|.*`, `*`},
		{`[、。]です`, `"、です" | "。です"`},
		{`(?:委託|提供)+先`, `("委託" | "提供") & "先"`},
	} {
		got := MustCompile(tc.expr).Prefilter()
		if got != tc.want {
			t.Errorf("%s: prefilter %s, want %s", tc.expr, got, tc.want)
		}
	}
}

// The prefilter is sound when every string the pattern matches passes it.
func TestPrefilterSound(t *testing.T) {
	exprs := []string{`個人(情報|データ)`, `第三者.*提供`, `(?:開示|訂正)(?:等)?の(?:請求|求め)`, `^\s*第[0-9]+条`,
		`(安全管理|保護)?措置`, `[、。]です`, `(?:委託|提供)+先`, `(?i)ＡＢＣ|cookie`, `[ぁ-ん]{2,}を`}
	exprs = append(exprs, `(?i)kelvin`, `(?i)ss`, `(?i)[k-m]+ey`)
	inputs := []string{"\u212Aelvin", "ſS", "\u212Aey", "", "個人情報を第三者に提供", "開示等の求め", "第12条", "措置", "保護措置", "。です", "委託提供先", "ＡＢＣ", "abc", "COOKIE", "ひらがなを", "を"}
	for _, e := range exprs {
		re := MustCompile(e)
		for _, s := range inputs {
			if re.compiled().MatchString(s) && !re.MayMatch(s) {
				t.Errorf("%s matches %q but the prefilter %s rejects it", e, s, re.Prefilter())
			}
		}
	}
}

func TestMethodsAgree(t *testing.T) {
	re := MustCompile(`(個人)(情報|データ)`)
	std := regexp.MustCompile(`(個人)(情報|データ)`)
	for _, s := range []string{"", "個人情報と個人データ", "なし", "個人"} {
		if re.Split(s, -1) == nil != (std.Split(s, -1) == nil) || len(re.Split(s, -1)) != len(std.Split(s, -1)) {
			t.Errorf("Split(%q) = %q, want %q", s, re.Split(s, -1), std.Split(s, -1))
		}
		if re.ReplaceAllString(s, "[$2]") != std.ReplaceAllString(s, "[$2]") {
			t.Errorf("ReplaceAllString(%q) differs", s)
		}
		if len(re.FindAllStringSubmatchIndex(s, -1)) != len(std.FindAllStringSubmatchIndex(s, -1)) {
			t.Errorf("FindAllStringSubmatchIndex(%q) differs", s)
		}
		if re.Split(s, 0) != nil {
			t.Errorf("Split(%q, 0) should be nil", s)
		}
	}
}

// agree checks every overridden method against the standard matcher.
func agree(t *testing.T, re *Regexp, s string) {
	t.Helper()
	std := re.compiled()
	if std.MatchString(s) && !re.MayMatch(s) {
		t.Fatalf("%q matches %q but the prefilter %s rejects it", std, s, re.Prefilter())
	}
	check := func(method string, got, want any) {
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q.%s(%q) = %v, want %v (%s)", std, method, s, got, want, re.shortcut())
		}
	}
	check("MatchString", re.MatchString(s), std.MatchString(s))
	check("FindString", re.FindString(s), std.FindString(s))
	check("FindStringIndex", re.FindStringIndex(s), std.FindStringIndex(s))
	check("FindStringSubmatch", re.FindStringSubmatch(s), std.FindStringSubmatch(s))
	check("FindStringSubmatchIndex", re.FindStringSubmatchIndex(s), std.FindStringSubmatchIndex(s))
	for _, n := range []int{-1, 0, 1, 2} {
		check("FindAllString", re.FindAllString(s, n), std.FindAllString(s, n))
		check("FindAllStringIndex", re.FindAllStringIndex(s, n), std.FindAllStringIndex(s, n))
		check("FindAllStringSubmatch", re.FindAllStringSubmatch(s, n), std.FindAllStringSubmatch(s, n))
		check("FindAllStringSubmatchIndex", re.FindAllStringSubmatchIndex(s, n), std.FindAllStringSubmatchIndex(s, n))
		check("Split", re.Split(s, n), std.Split(s, n))
	}
	check("ReplaceAllString", re.ReplaceAllString(s, "<$0>"), std.ReplaceAllString(s, "<$0>"))
	check("ReplaceAllLiteralString", re.ReplaceAllLiteralString(s, "$0"), std.ReplaceAllLiteralString(s, "$0"))
	up := func(m string) string { return "[" + m + "]" }
	check("ReplaceAllStringFunc", re.ReplaceAllStringFunc(s, up), std.ReplaceAllStringFunc(s, up))
}

func TestLiteralSets(t *testing.T) {
	for _, tc := range []struct {
		expr string
		lits bool
	}{
		{`訂正|修正|削除`, true},
		{`情報(?:等)?`, true},
		{`情報(?:等)??`, true},
		{`a|ab|abc`, true},
		{`ab|a`, true},
		{`(?:株式|有限)会社|法人`, true},
		{`^個人`, false},
		{`個人\b`, false},
		{`(?i)cookie`, false},
		{`x*`, false},
		{`(?:a|)`, false},
	} {
		re := MustCompile(tc.expr)
		re.compiled()
		if (re.lits != nil) != tc.lits {
			t.Errorf("%s: %s, want a literal set: %v", tc.expr, re.shortcut(), tc.lits)
		}
		for _, s := range []string{"", "訂正と削除と修正", "情報等の情報", "abcab a", "株式会社と有限会社と法人", "個人", "ab個人 個人x", "情報"} {
			agree(t, re, s)
		}
	}
}

// TestLargeSets covers literal and start sets larger than a scan's stack
// state, whose state comes from a pool and is reused from call to call.
func TestLargeSets(t *testing.T) {
	var words []string
	for i := range 150 { // no shared prefix, which the parser would factor out
		words = append(words, fmt.Sprintf("%c語", 0x4E00+i))
	}
	set := strings.Join(words, "|")
	texts := []string{"", words[0] + "と" + words[149] + "の" + words[75], "語" + words[3][:3], words[149] + words[148] + words[147] + "の", strings.Repeat(words[10]+"と", 40)}
	for _, expr := range []string{set, `(?:` + set + `)(?:の|と)`} {
		re := MustCompile(expr)
		re.compiled()
		set := re.lits
		if set == nil {
			set = re.starts
		}
		if set == nil || len(set.lits) <= len(scanBuf{}) {
			t.Fatalf("%.20s…: %.40s…, want a set larger than a scan's stack state", expr, re.shortcut())
		}
		for range 3 { // the pooled state of one call must not leak into the next
			for _, s := range texts {
				agree(t, re, s)
			}
		}
	}
}

// TestLongText covers texts longer than sigMaxLen, which get no signature:
// every literal test searches the text.
func TestLongText(t *testing.T) {
	long := strings.Repeat("当社は個人情報を適切に管理します。", 300) // about 15 KB
	if len(long) <= sigMaxLen {
		t.Fatalf("text of %d bytes is not longer than sigMaxLen %d", len(long), sigMaxLen)
	}
	texts := []string{long, long + "米国の委託先に提供", "米国の事業者" + long, long + "COOKIE"}
	for _, expr := range []string{`訂正|削除|提供`, `(?:米国|英国)(?:に|の)[^。]{0,12}?(?:委託先|事業者)`, `(?i)cookie`, `個人情報[^。]*(?:提供|削除)`, `^米国`} {
		re := MustCompile(expr)
		for _, s := range texts {
			agree(t, re, s)
		}
	}
}

func TestStartLiterals(t *testing.T) {
	for _, tc := range []struct{ expr, want string }{
		{`(?:米国|英国)(?:に|の)[^。]{0,12}?(?:第三者|事業者)`, `starts ["米国に" "米国の" "英国に" "英国の"]`},
		{`第\s*(\d+)\s*条`, `starts ["第"]`},
		{`(\d{4})\s*年`, `starts ["0" "1" "2" "3" "4" "5" "6" "7" "8" "9"]`},
		{`^\s*第`, `marker loop of 1`},
		{`\b米国.*`, `starts ["米国"]`},
		{`\bOS\b|端末情報`, `starts ["OS" "端末情報"]`},
		{`(?m)^第\d+条`, `starts ["第"]`},
		{`(?:の)?米国.*`, `starts ["の" "米国"]`},
		{`(?:〒\d{3}-\d{4}\s*)?(?:東京都|大阪府)`, `starts ["〒" "東京都" "大阪府"]`},
		{`(?:\s*)?米国`, `regexp`},
		{`(?i)cookie.*`, `starts ["COO" "COo" "CoO" "Coo" "cOO" "cOo" "coO" "coo"]`},
		{`(?i)kelvin|クッキー`, "starts [\"KEL\" \"KEl\" \"KeL\" \"Kel\" \"kEL\" \"kEl\" \"keL\" \"kel\" \"\u212aEL\" \"\u212aEl\" \"\u212aeL\" \"\u212ael\" \"クッキー\"]"},
		{`[^。]+。`, `regexp`},
		{`(?:米国|英国).*|所在国`, `starts ["米国" "英国" "所在国"]`},
		{`訂正|削除`, `literals ["訂正" "削除"]`},
	} {
		re := MustCompile(tc.expr)
		if got := re.shortcut(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.expr, got, tc.want)
		}
		for _, s := range []string{"", "米国の委託先である事業者と英国にある第三者", "第 3 条、第12条", "2024年と1999 年", "所在国:米国", "訂正や削除", "iOS、OS、端末情報", "x\n第1条", "a第2条", "OS"} {
			agree(t, re, s)
		}
	}
}

func TestSplitTopLevel(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string
	}{
		{`a|b`, []string{"a", "b"}},
		{`(a|b)c|[|]d|\|e`, []string{"(a|b)c", "[|]d", "\\|e"}},
		{`[]|]x|y`, []string{"[]|]x", "y"}},
		{`[[:alpha:]|]x|y`, []string{"[[:alpha:]|]x", "y"}},
		{`(?i)a|b`, nil},
		{`a(?i)b|c`, nil},
		{`\Qa|b`, nil},
		{`(?:a|b)`, []string{"(?:a|b)"}},
		{`(?i:a)|b`, []string{"(?i:a)", "b"}},
		{`(?-s:.)x|(?s)y`, nil},
	} {
		if got := splitTopLevel(tc.expr); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitTopLevel(%q) = %q, want %q", tc.expr, got, tc.want)
		}
	}
	// Alternatives tried alone answer as the whole alternation does.
	for _, expr := range []string{`(?:個人情報|情報)[^。、]{0,8}?管理者|責任者[^。]{0,4}設置|\bOS\b`, `ab[^x]|a[^y]|abc`, `第(\d+)条|第([一二三])条`} {
		re := MustCompile(expr)
		re.compiled()
		if re.branches == nil {
			t.Errorf("%s: alternatives not split", expr)
		}
		for _, s := range []string{"情報管理者と責任者を設置", "個人情報の管理者", "iOS OS", "abc ab a", "第1条と第二条"} {
			agree(t, re, s)
		}
	}
}

func TestLeadRunes(t *testing.T) {
	for _, tc := range []struct {
		expr string
		lead bool
	}{
		{`^\s*(?:[-*・]\s*|\d+\.\s*)+`, true},
		{`^(?i)k`, true},
		{`^\s*`, false},
		{`(?m)^第`, false},
		{`第|^a`, false},
		{`^(?:a|)b`, true},
		{`^$`, false},
		{`^(?:\b)?x`, true},
	} {
		re := MustCompile(tc.expr)
		re.compiled()
		if (re.lead != nil) != tc.lead {
			t.Errorf("%s: lead %q, want one: %v", tc.expr, re.lead, tc.lead)
		}
		for _, s := range []string{"", "- 項目", "・a", "12. 目的", "第1条", "\u212A", "kx", "b", "ab", "x", " \t- x", "\xff"} {
			agree(t, re, s)
		}
	}
}

// A pattern whose matches are made of a few runes is given the text only
// up to the first rune outside them, with the same answers.
func TestAlphabetWindow(t *testing.T) {
	for _, tc := range []struct {
		expr   string
		window bool
	}{
		{`^\s*(?:[-*・]\s*|\(\d+\)\s*)+`, true},
		{`^(?:abcdef|a)`, true},
		{`^(?i)k+`, true},
		{`^a*(?m:^)b`, true},
		{`^[\s・]*(?:\((\d)\))?`, true},        // matches the empty text: the answer for texts outside its alphabet
		{`(\d{4})\s*年\s*(\d{1,2})\s*月`, true}, // its tries
		{`^\s*(?:・)+$`, false},                // $ looks at the rune after
		{`^a+\b`, false},
		{`^[^。]+。`, false}, // most of the text is its alphabet
		{`[a-z]+b`, false}, // matches start anywhere, at no literal
	} {
		re := MustCompile(tc.expr)
		re.compiled()
		got := re.head != nil || re.whole != nil && re.whole.alpha != nil
		if got != tc.window {
			t.Errorf("%s: alphabet window %v, want %v", tc.expr, got, tc.window)
		}
		for _, s := range []string{"", "・ (1) 項目", "(12)・x", "abcdefg", "abcde", "a", "\u212Ak", "K k", "aa\nb", "aab",
			"2024年 4月1日", "2024 年\t12 月", "2024年", "・\xff", "(1)\n"} {
			agree(t, re, s)
		}
	}
}

func FuzzAgainstRegexp(f *testing.F) {
	f.Add(`個人(情報|データ)?の(第三者|委託)+先`, "個人情報の委託先")
	f.Add(`(?i)[a-c]x{2,3}|y?z`, "AXX")
	f.Add(`^(?:第[一二三]|[0-9]+)\.?\s*(目的|利用)$`, "第一 目的")
	f.Add(`訂正|修正|削除`, "訂正と削除と修正")
	f.Add(`a|ab|abc(?:d)?`, "abcdabab")
	f.Add(`(?:米国|英国)(\S+)?(第三者|事業者)`, "米国第三者英国の事業者")
	f.Add(`([0-9]{4})年(\d+)?`, "2024年12")
	f.Add("a\uFFFDb|[\uFFF0-\uFFFF]x", "a\xffb\xfex")
	f.Add(`^\s*(?:[-*・]\s*|\d+\.\s*)+`, " - 1. x")
	f.Add(`^(?:(?i)k|[\x{FFFD}])+$`, "\u212Ak\xff")
	f.Add(`\bOS\b|(?m)^第\d|\B語`, "iOS OS\n第1 単語")
	f.Add(`(?:ab|a)c|[|]b|(a)(?i:B)`, "abc a|b aB ac")
	f.Add(`^(?:abcdef|a)|^\s*(?:#+\s*|\(\d\)\s*)+`, "abcdefg")
	f.Add(`(\d{4})\s*年\s*(\d{1,2})\s*月|^a*(?m:^)b`, "2024年 4月1日 2024 年")
	f.Add(`^\s*(?:[・●]\s*|\(\s*\d{1,2}\s*\)\s*|\d{1,2}\s*[.)]\s*|\d{1,2}(?:-\d{1,2})?\s+)+`, " ・(1) 12-3 4. x")
	f.Add(`(?:ab|bc|cd|de|ef|fg|gh|(?i:kl)|m(n|o)?)[^x]{0,3}?(?:x|yz)`, "ab x klmyz mnox")
	f.Add(`^\s*(?:(?:xx){1,2}y|(?:xx?){2}z|[a-c]?[a-z]\s*|第\s*\d{1,3}\s*条)+`, " xxxz xxxxy a b第 12条x")
	f.Fuzz(func(t *testing.T, expr, s string) {
		re, err := Compile(expr)
		if err != nil {
			return
		}
		agree(t, re, s)
	})
}

// foldRune's shortcut for kana and ideographs is only right if none of them
// has case variants.
func TestFoldRuneCJK(t *testing.T) {
	for r := rune(0x3000); r < 0xA000; r++ {
		if unicode.SimpleFold(r) != r {
			t.Fatalf("%U has case variants", r)
		}
	}
	for _, pair := range [][2]rune{{'k', 0x212A}, {'s', 0x17F}, {'a', 'A'}, {'ａ', 'Ａ'}} {
		if foldRune(pair[0]) != foldRune(pair[1]) {
			t.Errorf("%U and %U fold apart", pair[0], pair[1])
		}
	}
}

// A run of list markers at the start is matched step by step, with the
// answers of regexp; patterns where that could differ are left to it.
func TestMarkerLoop(t *testing.T) {
	for _, tc := range []struct {
		expr string
		loop bool
	}{
		{`^\s*(?:#+\s*|[-*+]\s+|[・●]\s*|\(\s*\d{1,2}\s*\)\s*|\d{1,2}\s*[.)、]\s*|\d{1,2}(?:-\d{1,2})?\s+|[a-zA-Z]\s*[.)]\s*|第\s*\d{1,3}\s*条(?:の\d+)?\s*|[IVX]+[.-]\s*)+`, true},
		{`^\s*(?:[-*・]\s*|[(（]\s*\d{1,2}\s*[)）]\s*|第\d+条\s*)`, true},
		{`^(?i)(?:k\.|ab)+`, true},
		{`^\s*(?:\s*・)+`, false},   // an alternative starts with a space the star took
		{`^\s*(?:(・)\s*)+`, false}, // a capture
		{`^\s*(?:・|x?)+`, false},   // an alternative matches the empty string
		{`^\s*(?:・\b)+`, false},    // a word boundary
		{`^\s*(?:・)+?`, false},     // lazy
	} {
		re := MustCompile(tc.expr)
		re.compiled()
		if (re.loop != nil) != tc.loop {
			t.Errorf("%s: marker loop %v, want %v", tc.expr, re.loop != nil, tc.loop)
		}
		for _, s := range []string{"", "・当社", " ・ (1) 1. a) 第3条の2 II. 本文", "12-3 項目", "123. x", "(12)", "1.2.3", "第 3 条", "Kk.K.ab", "\t#  ・\xff", "・ ・", "当社は"} {
			agree(t, re, s)
		}
	}
}

// TestClassSeq lists the marker alternatives walked as class sequences and
// those left to the matcher, and checks the loops against it.
func TestClassSeq(t *testing.T) {
	for _, tc := range []struct {
		alt string
		seq bool
	}{
		{`\(\s*\d{1,2}\s*\)\s*`, true},
		{`第\s*\d{1,3}\s*条\s*`, true},
		{`[・•●]\s*`, true},
		{`#+\s*`, true},
		{`[IVX]+[.-]\s*`, true},
		{`\d{1,2}(?:-\d{1,2})?\s+`, false}, // an optional group
		{`[a-z]\s*[a-z.]`, true},           // a fixed count needs no check; \s* shares nothing with [a-z.]
		{`[a-z]*[a-c]`, false},             // the class after shares runes: greedy may be wrong
		{`[a-z]?[a-c]`, false},
		{`a\s*\s`, true},        // one class twice is merged: \s{1,}
		{`\d+?x`, false},        // lazy
		{`(?i)a\s*`, false},     // folded case
		{`第.条`, false},          // any rune
		{`(?:xx){1,2}y`, false}, // takes 2 or 4 x, never 3
		{`(?:xx?){2}y`, true},   // takes 2 to 4 x
	} {
		tree, err := syntax.Parse(tc.alt, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := newClassSeq(tree.Simplify()) != nil; got != tc.seq {
			t.Errorf("%s: class sequence %v, want %v", tc.alt, got, tc.seq)
		}
		re := MustCompile(`^\s*(?:` + tc.alt + `|・)+`)
		for _, s := range []string{"", "(1) x", "( 12 )(3)x", "第 3 条 第12条", "・ ・x", "## a", "IV. V-x", "1-2 x", "ab a.", "aaab", "a  \tx", "12x", "A x", "第a条", "xxxy", "xxy", "xxxxxy"} {
			agree(t, re, s)
		}
	}
}

// A pattern that opens with a long alternation is tried with only the
// alternatives that can start at the position, with the answers of regexp.
func TestLeadSplit(t *testing.T) {
	for _, expr := range []string{
		`(?:米国|英国|中国|韓国|台湾|日本国外|海外|外国|(?i:eu)|シンガポール)(?:の|に|にある)[^。]{0,8}?(?:第三者|事業者)`,
		`(?:米国|英国|中国|韓国|台湾|ドイツ|フランス|インド|(?:居住|在住)国以外)(?s:.)?\s*(?:等|など)?に(?:移転|提供)`,
		`(?:ab|bc|cd|de|ef|fg|gh|(?i:kl))x+y?`,
	} {
		re := MustCompile(expr)
		re.compiled()
		if re.whole == nil || re.whole.split == nil {
			t.Errorf("%s: no lead split", expr)
		}
		for _, s := range []string{"", "米国の委託先である事業者と英国にある第三者", "EUにある事業者、euの第三者", "インド\n等に移転", "居住国以外など に提供",
			"在住国以外に移転", "abx", "klxxy", "\u212aLxy", "ghx ghxy fgy", "中国。の第三者"} {
			agree(t, re, s)
		}
	}
}

// A try is skipped when its window lacks a literal every match contains;
// the literals a start literal holds are not asked for.
func TestTryNeeds(t *testing.T) {
	re := MustCompile(`第三者[^。]{0,40}?(?:提供|開示)(?:します|しません)`)
	re.compiled()
	var got [][]string
	for _, n := range re.whole.needs {
		got = append(got, n.lits)
	}
	want := [][]string{{"提供します", "提供しません", "開示します", "開示しません"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("needs %q, want %q", got, want)
	}
	for _, s := range []string{"第三者に提供します。", "第三者に提供することがあります。開示します", "第三者。提供します", "第三者" + strings.Repeat("の", 45) + "提供します"} {
		agree(t, re, s)
	}
}

// A gate lets through every string one of its patterns matches, and
// stops those none of them can.
func TestGate(t *testing.T) {
	a, b := MustCompile(`【[^】]{1,20}】`), MustCompile(`(?i)todo|[〇○]{2,}`)
	g := NewGate(a, b)
	for _, tc := range []struct {
		s    string
		want bool
	}{{"【会社名】", true}, {"ToDo: 見直す", true}, {"〇〇株式会社", true}, {"個人情報を適切に取り扱います。", false}, {"", false}} {
		matched := a.MatchString(tc.s) || b.MatchString(tc.s)
		if got := g.MayMatch(tc.s); got != tc.want || matched && !got {
			t.Errorf("MayMatch(%q) = %v, want %v (a pattern matches: %v)", tc.s, got, tc.want, matched)
		}
	}
	if !NewGate(a, MustCompile(`.*`)).MayMatch("何でも") {
		t.Error("a gate with a pattern that needs nothing stopped a string")
	}
}

// A short string's probe is its signature folded into one word.
func TestFoldedSignature(t *testing.T) {
	for _, s := range []string{"", "a", "利用目的", "会社名:株式会社サンプル", "K\u212A\xffé", "ＡＢＣabc123"} {
		var want uint64
		for _, w := range computeSignature(s) {
			want |= w
		}
		if got := foldedSignature(s); got != want {
			t.Errorf("foldedSignature(%q) = %x, want %x", s, got, want)
		}
	}
}

// The signature cache answers for a string only with that string's
// signature, however the strings share memory or workers share the cache.
func TestSignatureCache(t *testing.T) {
	doc := strings.Repeat("当社は、お客様の個人情報を第三者に提供しません。利用目的の範囲内で取り扱います。", 40)
	var texts []string
	for i := 0; i+60 < len(doc); i += 7 {
		texts = append(texts, doc[i:i+60], doc[:i+30]) // substrings share the document's memory
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 3; round++ {
				for _, s := range texts {
					if got, want := *signatureOf(s), computeSignature(s); got != want {
						t.Errorf("signature of %q from the cache differs", s)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestLazyPatterns(t *testing.T) {
	good := MustCompile(`個人(情報|データ)`)
	bad := MustCompile(`(unclosed`)
	if good.std != nil || bad.std != nil {
		t.Fatal("MustCompile built a pattern before its first use")
	}
	if !good.MatchString("個人情報") {
		t.Fatal("a lazily built pattern did not match")
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "(unclosed") {
			t.Fatalf("a bad pattern's first use should panic naming it, got %v", r)
		}
	}()
	bad.MatchString("x")
}

func TestRelease(t *testing.T) {
	doc := strings.Repeat("お客様の個人情報は、利用目的の範囲内で取り扱います。", 4)
	other := strings.Repeat("当社は、安全管理のために必要かつ適切な措置を講じます。", 3)
	inDoc, outside := doc[3:70], other[:60]
	signatureOf(inDoc)
	signatureOf(outside)
	cached := func(s string) bool {
		h := (uint64(uintptr(unsafe.Pointer(unsafe.StringData(s)))) ^ uint64(len(s))*0x9E3779B1) * 0x9E3779B97F4A7C15 >> (64 - sigCacheBits)
		for _, i := range []uint64{h, h ^ 1} {
			if e := sigCache[i].Load(); e != nil && unsafe.StringData(e.s) == unsafe.StringData(s) && len(e.s) == len(s) {
				return true
			}
		}
		return false
	}
	if !cached(inDoc) || !cached(outside) {
		t.Fatal("signatures were not cached")
	}
	Release(doc)
	if cached(inDoc) {
		t.Error("Release kept a signature of the released text")
	}
	stored.Lock()
	for _, r := range stored.records {
		if r.entry.s == inDoc {
			t.Error("Release kept the record of a released entry (it holds the text alive)")
		}
	}
	stored.Unlock()
	if !cached(outside) {
		t.Error("Release dropped a signature of another text")
	}
}
