package facts

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// DateRole says what a date marks in the life of the policy, when a label
// next to it says so.
type DateRole string

// Date roles. RoleNone is a date with no policy label (a deadline, the date
// of a contract, a law's effective date).
const (
	RoleNone      DateRole = ""
	RoleEnacted   DateRole = "制定"   // 制定, 策定, 作成
	RoleEffective DateRole = "施行"   // 施行, 運用開始, 適用開始, 発効
	RoleRevised   DateRole = "改定"   // 改定, 改訂, 改正, 変更, 版
	RoleUpdated   DateRole = "最終更新" // 最終更新, 最終改定, 更新
	RoleAsOf      DateRole = "現在"   // 〜現在 (the content is as of that date)
	RoleSigned    DateRole = "日付"   // a date standing alone on its line (a sign-off)
)

// DatePrecision says how much of a date the text gives.
type DatePrecision int

// Date precisions.
const (
	PrecisionDay DatePrecision = iota
	PrecisionMonth
)

// Date is a date stated in the policy.
type Date struct {
	Span      model.Span
	Text      string    // as written (normalised)
	Time      time.Time // 西暦, midnight UTC; the first of the month for 2022年4月
	Precision DatePrecision
	Role      DateRole
	// Label is the word that gave the role (制定日, 改定, 最終更新日 …), if any.
	Label    string
	Sentence *model.Sentence
}

// Versions reports whether the date dates the policy itself: when it was
// made, took effect, was revised, or is current as of.
func (d Date) Versions() bool { return d.Role != RoleNone }

var (
	// 2022年4月1日, 2022 年 4 月 1 日, 2022年4月 (和暦 is already 西暦).
	kanjiDatePattern = rx.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?`)
	// 2022/4/1, 2022.4.1, 2022-04-01.
	numericDatePattern = rx.MustCompile(`(\d{4})\s?([/.\-])\s?(\d{1,2})\s?[/.\-]\s?(\d{1,2})`)

	// A label before the date: "制定日：", "改定日 ", "最終更新日:", "第3版 ".
	labelBefore = rx.MustCompile(`(最終(?:更新|改定|改訂|変更|改正)|制定|策定|作成|施行|運用開始|適用開始|適用|発効|効力発生|改定|改訂|改正|改版|変更|更新|修正|追記|見直し|公表|公開|掲載|発行|第?\d+\s*版|(?i:last\s+(?:updated|modified|revised)|effective(?:\s+date)?|updated|revised))(?:日|年月日|日付|日時)?\s*(?:[:|\-]|は)?\s*$`)
	// A label after the date: "2021年8月24日制定", "2024年4月27日より施行", "…現在".
	labelAfter = rx.MustCompile(`^\s*(?:付け?で?|より|から|に)?\s*(?:(?:本|当|この)?(?:プライバシー)?(?:ポリシー|方針|規程|基本方針)を)?\s*(?:一部|全部|全面)?\s*(最終(?:更新|改定|改訂|変更|改正)|制定|策定|作成|施行|運用開始|適用開始|適用|発効|効力発生|改定|改訂|改正|改版|変更|更新|修正|追記|見直し|公表|公開|掲載|発行|第?\d+\s*版|現在)`)
	// The next table cell after a date, which may name the event (| 2023年4月1日 | 第5条を改定 |).
	nextCell  = rx.MustCompile(`^\s*[|\t]\s*([^|\t\n]{1,40})`)
	cellLabel = rx.MustCompile(`(最終(?:更新|改定|改訂|変更|改正)|制定|策定|作成|施行|運用開始|適用開始|適用|発効|効力発生|改定|改訂|改正|改版|変更|更新|修正|追記|見直し|公表|公開|掲載|発行)`)
	// A label that belongs to a law or guideline, not to the policy:
	// "2022年4月1日施行の改正個人情報保護法", "改正法の施行日(2022年4月1日)".
	lawAfterLabel  = rx.MustCompile(`^(?:日|予定)?(?:の|された|される|となる|となった|になる|になった)[^。、]{0,16}(?:法|法律|ガイドライン|規則|政令|条例|指針|制度)`)
	lawBeforeLabel = rx.MustCompile(`(?:法|法律|ガイドライン|規則|政令|条例|指針|制度)(?:等)?の?(?:全面)?$`)
	// What may stand beside a date on a sign-off line: the operator's name.
	signOffOrg = rx.MustCompile(`株式会社|有限会社|合同会社|法人|協会|組合|事務所|代表|Inc\.|Co\.,? Ltd|Corporation`)
)

// findDates lists every date in the document, in order, with its role.
func findDates(doc *model.Document) []Date {
	var out []Date
	add := func(start, end, y, m, d int, prec DatePrecision) {
		if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return // 2月30日
		}
		out = append(out, Date{Span: model.Span{Start: start, End: end}, Text: doc.Text[start:end], Time: t, Precision: prec})
	}
	text := doc.Text
	for _, m := range kanjiDatePattern.FindAllStringSubmatchIndex(text, -1) {
		if digitBefore(text, m[0]) {
			continue
		}
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		if m[6] >= 0 {
			d, _ := strconv.Atoi(text[m[6]:m[7]])
			add(m[0], m[1], y, mo, d, PrecisionDay)
		} else {
			add(m[0], m[1], y, mo, 1, PrecisionMonth)
		}
	}
	for _, m := range numericDatePattern.FindAllStringSubmatchIndex(text, -1) {
		if digitBefore(text, m[0]) || digitAfter(text, m[1]) {
			continue
		}
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := strconv.Atoi(text[m[6]:m[7]])
		d, _ := strconv.Atoi(text[m[8]:m[9]])
		// The second separator must repeat the first (2022-04-01, not 2022-04.01).
		if sep := text[m[4]:m[5]]; !strings.Contains(text[m[6]:m[8]], sep) {
			continue
		}
		add(m[0], m[1], y, mo, d, PrecisionDay)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	for i := range out {
		out[i].Sentence = sentenceAt(doc, out[i].Span.Start)
		out[i].Role, out[i].Label = dateRole(text, out[i].Span)
	}
	return out
}

// dateRole reads the label beside a date on its line.
func dateRole(text string, sp model.Span) (DateRole, string) {
	lineStart := strings.LastIndexByte(text[:sp.Start], '\n') + 1
	lineEnd := len(text)
	if i := strings.IndexByte(text[sp.End:], '\n'); i >= 0 {
		lineEnd = sp.End + i
	}
	before := text[lineStart:sp.Start]
	after := text[sp.End:lineEnd]
	// Only the current sentence of the line is the label's context.
	if i := strings.LastIndex(before, "。"); i >= 0 {
		before = before[i+len("。"):]
	}
	trimmedBefore := strings.TrimRight(before, " \t:：(（【[")
	bareBefore := strings.TrimRight(before, " \t(（【[")
	if m := labelBefore.FindStringSubmatchIndex(trimmedBefore + " "); m != nil {
		label := trimmedBefore[m[2]:m[3]]
		if !lawBeforeLabel.MatchString(trimmedBefore[:m[2]]) {
			return roleOf(label), label
		}
	}
	if m := labelAfter.FindStringSubmatchIndex(after); m != nil {
		label := after[m[2]:m[3]]
		if !lawAfterLabel.MatchString(after[m[3]:]) && !lawBeforeLabel.MatchString(bareBefore) {
			return roleOf(label), label
		}
	}
	if m := nextCell.FindStringSubmatch(after); m != nil && !lawBeforeLabel.MatchString(bareBefore) {
		if l := cellLabel.FindStringSubmatchIndex(m[1]); l != nil && !lawAfterLabel.MatchString(m[1][l[1]:]) {
			label := m[1][l[2]:l[3]]
			return roleOf(label), label
		}
	}
	// A date alone on its line (or beside the operator's name) signs the policy.
	rest := strings.TrimSpace(strings.Trim(strings.TrimSpace(before), "#*-|()【】[]") + " " + strings.Trim(strings.TrimSpace(after), "#*-|()【】[]"))
	if rest == "" || isSignOff(rest) {
		return RoleSigned, ""
	}
	return RoleNone, ""
}

func roleOf(label string) DateRole {
	switch {
	case strings.HasPrefix(label, "最終"):
		return RoleUpdated
	case label == "現在":
		return RoleAsOf
	case label == "制定" || label == "策定" || label == "作成" || label == "公表" || label == "公開" || label == "掲載" || label == "発行":
		return RoleEnacted
	case label == "施行" || label == "運用開始" || label == "適用開始" || label == "適用" || label == "発効" || label == "効力発生" || strings.EqualFold(label, "effective") || strings.HasPrefix(strings.ToLower(label), "effective"):
		return RoleEffective
	case label == "更新" || strings.HasPrefix(strings.ToLower(label), "last") || strings.EqualFold(label, "updated"):
		return RoleUpdated
	}
	return RoleRevised
}

// isSignOff reports whether the rest of a date's line is only the name of
// an organisation or its representative: no label, no prose, no figures.
func isSignOff(rest string) bool {
	if !signOffOrg.MatchString(rest) || strings.ContainsAny(rest, ":：0123456789") || utf8.RuneCountInString(rest) > 40 {
		return false
	}
	kana := 0
	for _, r := range rest {
		if unicode.In(r, unicode.Hiragana) {
			kana++
		}
	}
	return kana <= 2
}

func digitBefore(text string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r >= '0' && r <= '9'
}

func digitAfter(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r >= '0' && r <= '9' || r == '.' && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9'
}
