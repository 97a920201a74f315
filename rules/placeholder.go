package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

var placeholderRules = []*engine.Rule{placeholder}

// fieldNames are the facts a template leaves for the author to fill in.
const fieldNames = `会社名|社名|法人名|事業者名|団体名|組織名|店舗名|屋号|商号|サービス名|サイト名|アプリ名|当社名|貴社名|` +
	`氏名|名前|代表者名?|代表者の?氏名|代表取締役|住所|所在地|本社所在地|郵便番号|電話番号|TEL|FAX|メールアドレス|E-?mail|URL|` +
	`担当者名?|担当部署|部署名|窓口名?|連絡先|日付|年月日|制定日|改定日|施行日|国名|金額|手数料|` +
	`COMPANY|Company|company|NAME|Name|ADDRESS|Address|EMAIL|Email`

// emptyFieldLabels are the field labels whose value must follow them.
const emptyFieldLabels = `会社名|社名|法人名|商号|名称|事業者名|運営者|運営会社|代表者名?|代表|本社|本店|本社所在地|所在地|住所|郵便番号|` +
	`電話|電話番号|TEL|Tel|FAX|Fax|メール|メールアドレス|Eメール(?:アドレス)?|E-?mail|e-?mail|Mail|URL|担当|担当者|担当部署|窓口|` +
	`お問い?合わ?せ先|問い?合わ?せ先|連絡先|受付時間|個人情報保護管理者|管理責任者|責任者|制定日|改定日|施行日|最終更新日`

var (
	// repeatedMarks are runs of the marks templates put where a name goes
	// (〇〇株式会社, ●●県): a single mark is a bullet, not a blank.
	repeatedMarks = rx.MustCompile(`[〇○◯●△□×]{2,}`)
	// fieldInBrackets is a field name in brackets: 【会社名】, [住所], {{company}}.
	fieldInBrackets = rx.MustCompile(`【\s*(?:` + fieldNames + `)\s*】|\[\s*(?:` + fieldNames + `)\s*\]|［\s*(?:` + fieldNames + `)\s*］|` +
		`[<＜〈]\s*(?:` + fieldNames + `)\s*[>＞〉]|\{\{[^{}]{1,30}\}\}|\$\{[^{}]{1,30}\}`)
	// instructionInBrackets is an instruction to the author: 【ここに住所を記入】.
	// Headings such as 【仮名加工情報】 or 【ご記入いただく項目】 are not.
	instructionInBrackets = rx.MustCompile(`【[^】]{0,40}(?:を記入|を入力|を入れ|が入ります|を挿入)(?:してください|して下さい|する)?】|【ここに[^】]{0,20}】|【(?:要確認|要修正|要記入|未定|仮|未記入)】|【\s*】`)
	// anyBracket is any bracketed text: where it stands and what it says
	// decide whether it is a blank a drafted clause left (isDraftBlank).
	anyBracket = rx.MustCompile(`【[^】\n]{1,60}】`)
	// valueSlotBefore ends the text before a value: a label's separator
	// (住所：【住所】, a table cell's |), a postal mark (〒【郵便番号】), a
	// representative's title (代表取締役 【代表者氏名】).
	valueSlotBefore = rx.MustCompile(`(?:[:\t|]|〒|代表取締役|代表執行役|代表社員|代表理事|理事長|代表者|社長)\s*$`)
	// quantityAfter is the unit after a number left blank (【金額】円, 【15】歳).
	quantityAfter = rx.MustCompile(`^(?:円|歳|才|%|か月|ヶ月|カ月|箇月|営業日|日以内|日間|年間|時間)`)
	// blankContent is what a blank says in running text: the kind of fact to
	// fill (…の名称, …の方法, …の概要), a number, a list of examples or
	// alternatives (運転免許証、パスポート等, SSL/TLS等), or a note.
	// A topic (【お問い合わせ窓口】, 【重要】) says none of these.
	blankContent = rx.MustCompile(`(?:名|名称|氏名|住所|所在地|番号|アドレス|URL|金額|料金|方法|連絡先|項目|内容|概要|種類|書類|目的|日付|時間|頻度|役職|期間)(?:等|など)?$|^[0-9]+$|、|/|／|又は|または|\(`)
	// crossRefBefore and crossRefAfter frame a reference to a bracketed
	// heading (下記【お問い合わせ窓口】まで, 【利用目的】に記載のとおり).
	crossRefBefore = rx.MustCompile(`(?:上記|下記|前記|後記|別記|以下|次|本ポリシー|本方針)(?:の)?\s*$`)
	crossRefAfter  = rx.MustCompile(`^\s*(?:に記載|記載の|に定め|に掲げ|のとおり|の通り|を参照|をご参照|参照|をご覧|欄|の項|の章)`)
	// nameField is a field whose value is a name; deskWord ends the name of
	// a department after it (【会社名】 個人情報お問い合わせ窓口).
	nameField = rx.MustCompile(`名|名前|商号|屋号|COMPANY|Company|company|NAME|Name`)
	deskWord  = rx.MustCompile(`(?:窓口|係|室|センター|部|課|担当|事務局|デスク)$`)
	// dateField is a field whose value is a date: 【制定日】 followed by no
	// date (【制定日】制定) is blank.
	dateField = rx.MustCompile(`日付|年月日|制定日|改定日|施行日`)
	digit     = rx.MustCompile(`[0-9]`)
	// crossRun is a run of X standing for a missing value (XXX, 03-XXXX-XXXX).
	crossRun = rx.MustCompile(`[Xx]{3,}`)
	// dummyText is filler text.
	dummyText = rx.MustCompile(`ダミーテキスト|ダミー文章?|ダミーの文章|サンプルテキスト|テキストが入ります|ここに[^。]{0,20}(?:入ります|入力|記入|記載)(?:して|します|ください)?|Lorem ipsum|lorem ipsum`)
	// todoMark is a note left for the author.
	todoMark = rx.MustCompile(`TODO|FIXME|TBD`)
	// emptyLabel is a field label with nothing after its colon.
	emptyLabel = rx.MustCompile(`^(?:[・\-*●■□◆◇▪•※]\s*)?[【\[]?(` + emptyFieldLabels + `)[】\]]?\s*:\s*$`)
	// anyLabel is a line that opens with a short label and a colon.
	anyLabel = rx.MustCompile(`^[^\s:。、0-9][^\s:。、]{0,14}\s*:`)
	// endMark closes a document or a list (以上): it is no field's value.
	endMark = rx.MustCompile(`^以\s*上$`)
	// exampleContext marks a sentence that shows an example (記入例, 例：),
	// where XXX and ○○ stand for the reader's own data.
	exampleContext = rx.MustCompile(`記入例|例:|例\)|\(例|例えば`)
	// particleAfter follows a bracketed field used as a value in a sentence.
	particleAfter = rx.MustCompile(`^\s*(?:は|が|の|を|に|と|へ|で|も|\(|、|。|様|宛|御中|$)`)
	// kanjiDigit is a kanji numeral: 〇 between them is a zero (二〇〇五年).
	kanjiDigit = rx.MustCompile(`[一二三四五六七八九十百千〇]`)
)

var placeholder = &engine.Rule{
	ID:       "appi/placeholder",
	Severity: engine.Error,
	Article:  engine.Text{JA: "法32条1項（公表事項の記載）", EN: "APPI Art. 32(1) (items to be made known)"},
	Title:    engine.Text{JA: "テンプレートの未記入箇所", EN: "Unfilled template text"},
	Doc: engine.Text{
		JA: "テンプレートの未記入箇所（〇〇・●●、【会社名】・[会社名]、XXX、ダミーテキスト、TODO、値のない項目名「本社：」「メールアドレス：」）を、その箇所で報告します。" +
			"文例の空欄（「1件につき【金額】円」「【15】歳未満」「代表取締役 【代表者氏名】」「【手数料の支払方法】により」）も報告します。空欄のまま項目を記載した文は各項目のルールでは記載ありとし、値の記入漏れはこのルールが報告します。" +
			"箇条書きの記号としての○・●、【見出し】とその参照（下記【お問い合わせ窓口】まで）、単語の一部の XXX、値が次の行にある項目名は報告しません。",
		EN: "Reports unfilled template text where it stands: 〇〇/●● marks, bracketed field names (【会社名】, [会社名]), XXX, dummy text, TODO, and field labels left empty (本社：, メールアドレス： with nothing after them). " +
			"It also reports the blanks of a drafted clause (1件につき【金額】円, 【15】歳未満, 代表取締役 【代表者氏名】, 【手数料の支払方法】により): the item rules count an item stated with a blank as present, and this rule reports the missing value. " +
			"A single ○ or ● used as a bullet, a 【heading】 and a reference to one (下記【お問い合わせ窓口】まで), XXX inside a word and a label whose value is on the next line are not reported.",
	},
	Missing: engine.Text{
		JA: "テンプレートの未記入箇所が残っています。実際の名称・住所・連絡先などを記入してください。",
		EN: "Unfilled template text remains. Replace it with the actual name, address, contact details or other facts.",
	},
	Fix: engine.Text{
		JA: "（未記入箇所に実際の内容を記入してください。例：「本社：【住所】」→「本社：東京都千代田区千代田1-1-1」）",
		EN: "Replace the placeholder with the fact it stands for (the company name, the address, the e-mail address…), or delete the line if the item does not apply.",
	},
	Good: "本社：東京都千代田区千代田1-1-1",
	Bad:  "〇〇株式会社（以下「当社」といいます。）　本社：",
	Run:  runPlaceholder,
}

func runPlaceholder(p *engine.Pass) {
	doc := p.Doc
	headings := bracketHeadings(doc)
	report := func(sp model.Span, what string) {
		p.Report(sp, engine.Text{
			JA: "テンプレートの未記入箇所「" + what + "」が残っています。実際の内容を記入してください。",
			EN: "Unfilled template text 「" + what + "」 remains. Replace it with the actual content.",
		}, "")
	}
	for _, s := range doc.Sentences {
		for _, sp := range placeholdersIn(doc, s, headings) {
			report(sp, origText(doc, sp))
		}
	}
	for i, b := range doc.Blocks {
		if sp, ok := emptyField(doc, i, b); ok {
			label := origText(doc, sp)
			p.Report(sp, engine.Text{
				JA: "項目「" + label + "」の内容が空欄のままです。実際の内容を記入するか、不要であれば項目を削除してください。",
				EN: "The field 「" + label + "」 is left empty. Fill in its value, or delete the field if it does not apply.",
			}, "")
		}
	}
}

// placeholderGate: a sentence none of the placeholder patterns can match
// holds no placeholder (most sentences). It must name every pattern whose
// matches placeholdersIn reports.
var placeholderGate = rx.NewGate(repeatedMarks, fieldInBrackets, instructionInBrackets, anyBracket, crossRun, dummyText, todoMark)

// placeholdersIn returns the spans of placeholder text in a sentence.
// headings are the bracketed texts the document uses as headings.
func placeholdersIn(doc *model.Document, s *model.Sentence, headings map[string]bool) []model.Span {
	t := s.Text
	if !placeholderGate.MayMatch(t) {
		return nil
	}
	var out []model.Span
	add := func(lo, hi int) {
		out = append(out, model.Span{Start: s.Span.Start + lo, End: s.Span.Start + hi})
	}
	added := func(lo int) bool {
		for _, sp := range out {
			if sp.Start == s.Span.Start+lo {
				return true
			}
		}
		return false
	}
	example := exampleContext.MatchString(t)
	if !onlyMarks(s.Block.Text) && !example {
		for _, loc := range repeatedMarks.FindAllStringIndex(t, -1) {
			before, _ := utf8.DecodeLastRuneInString(t[:loc[0]])
			after, _ := utf8.DecodeRuneInString(t[loc[1]:])
			if kanjiDigit.MatchString(string(before)) || kanjiDigit.MatchString(string(after)) {
				continue // 二〇〇五年: a zero, not a blank
			}
			add(loc[0], loc[1])
		}
	}
	for _, loc := range fieldInBrackets.FindAllStringIndex(t, -1) {
		if isFieldLabel(doc, s, loc) || strings.HasPrefix(t[loc[1]:], "(") && strings.HasSuffix(t[:loc[1]], "]") {
			continue // a label, or a Markdown link whose text is a field name ([URL](https://…))
		}
		add(loc[0], loc[1])
	}
	for _, loc := range instructionInBrackets.FindAllStringIndex(t, -1) {
		add(loc[0], loc[1])
	}
	for _, loc := range anyBracket.FindAllStringIndex(t, -1) {
		if !added(loc[0]) && isDraftBlank(doc, s, loc, headings) {
			add(loc[0], loc[1])
		}
	}
	for _, loc := range crossRun.FindAllStringIndex(t, -1) {
		if example || loc[0] > 0 && isLatinLetter(t[loc[0]-1]) || loc[1] < len(t) && isLatinLetter(t[loc[1]]) {
			continue // XXX inside a word (XXXL, Xxxon)
		}
		add(loc[0], loc[1])
	}
	for _, loc := range dummyText.FindAllStringIndex(t, -1) {
		add(loc[0], loc[1])
	}
	for _, loc := range todoMark.FindAllStringIndex(t, -1) {
		next, _ := utf8.DecodeRuneInString(t[loc[1]:])
		if loc[0] > 0 && isLatinLetter(t[loc[0]-1]) || loc[1] < len(t) && unicode.IsLetter(next) {
			continue // a word (TODOリスト, TBDs), not a note to the author
		}
		add(loc[0], loc[1])
	}
	return out
}

// isFieldLabel reports whether a bracketed field name at loc is a label
// or a heading rather than a blank: 【所在地】東京都… or a line of its own
// (【住所】 with the value below). 「【会社名】は、」 and 「会社名：【会社名】」
// are blanks, and so is a label with no value: a line of its own followed
// by another blank or by nothing (【会社名】 over 住所：【住所】), a name
// before its department (【会社名】 お問い合わせ窓口), a date field with no
// date after it (【制定日】制定).
func isFieldLabel(doc *model.Document, s *model.Sentence, loc []int) bool {
	if strings.HasPrefix(s.Text[loc[0]:], "{") || strings.HasPrefix(s.Text[loc[0]:], "$") {
		return false // a template variable is never a label
	}
	lead := strings.TrimSpace(doc.Text[s.Block.Span.Start : s.Span.Start+loc[0]])
	if lead != "" && !onlyMarks(lead) {
		return false // inside a sentence: 「会社名：【会社名】」, 「【会社名】の住所は」
	}
	field := s.Text[loc[0]:loc[1]]
	rest := strings.TrimSpace(s.Text[loc[1]:])
	switch {
	case rest == "":
		return !noValueBelow(doc, s.Block, nameField.MatchString(field))
	case nameField.MatchString(field) && deskWord.MatchString(rest):
		return false
	case dateField.MatchString(field) && !digit.MatchString(rest):
		return false
	}
	return !particleAfter.MatchString(rest)
}

// noValueBelow reports whether the value of a bracketed label on a line of
// its own is missing below it: there is no next line, or it is a heading or
// the end mark, or it holds a blank itself; for a name, another field's
// label (【会社名】 over 住所：…) also means there is none.
func noValueBelow(doc *model.Document, b *model.Block, name bool) bool {
	if b.Index+1 >= len(doc.Blocks) {
		return true
	}
	next := doc.Blocks[b.Index+1]
	if next.Kind == model.Heading || endMark.MatchString(next.Text) {
		return true
	}
	return holdsBlank(next.Text) || name && isLabelLine(next.Text)
}

// holdsBlank reports whether a line is a blank itself: nothing but 【…】
// blanks, or a label whose value is one (住所：〒【郵便番号】).
func holdsBlank(line string) bool {
	line = strings.Trim(line, "・-*●■□◆◇▪•※ 　")
	if facts.IsPlaceholder(line) {
		return true
	}
	loc := anyLabel.FindStringIndex(line)
	return loc != nil && strings.HasPrefix(strings.TrimLeft(line[loc[1]:], " 　〒"), "【")
}

// isDraftBlank reports whether a bracket that names no field is a blank a
// drafted clause left for the author: in a value slot (住所：【…】,
// 〒【…】, 代表取締役 【…】, 【…】円, 【…】歳), or in running text saying
// what to fill in (【手数料の支払方法】により, 【SSL/TLS等】により). A
// heading (a line of its own, 【苦情の申出先】 before its text) and a
// reference to one (下記【お問い合わせ窓口】まで) are not.
func isDraftBlank(doc *model.Document, s *model.Sentence, loc []int, headings map[string]bool) bool {
	t := s.Text
	before := doc.Text[s.Block.Span.Start : s.Span.Start+loc[0]]
	if i := strings.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	after := t[loc[1]:]
	if headings[t[loc[0]:loc[1]]] || crossRefBefore.MatchString(before) || crossRefAfter.MatchString(after) {
		return false
	}
	if valueSlotBefore.MatchString(before) || quantityAfter.MatchString(after) {
		return true
	}
	lead := strings.TrimSpace(before)
	inText := lead != "" && !onlyMarks(lead) || strings.TrimSpace(after) != "" && particleAfter.MatchString(after)
	return inText && blankContent.MatchString(t[loc[0]+len("【"):loc[1]-len("】")])
}

// bracketHeadings returns the bracketed texts that open a line as its
// heading or label (【お問い合わせ窓口】, 【利用目的】当社は…): the same
// text elsewhere refers to that heading.
func bracketHeadings(doc *model.Document) map[string]bool {
	out := map[string]bool{}
	for _, b := range doc.Blocks {
		t := strings.TrimLeft(b.Text, "#・-*●■□◆◇▪•※ 　")
		if !strings.HasPrefix(t, "【") {
			continue
		}
		loc := anyBracket.FindStringIndex(t)
		if loc == nil || loc[0] != 0 {
			continue
		}
		if rest := t[loc[1]:]; strings.TrimSpace(rest) == "" || !particleAfter.MatchString(rest) && !quantityAfter.MatchString(rest) {
			out[t[:loc[1]]] = true
		}
	}
	return out
}

// emptyField finds a field label with nothing after it (本社：) whose value
// is not on the next line either: the next block is another label, a
// heading, or there is none. Table rows with a field and an empty cell
// count too.
func emptyField(doc *model.Document, i int, b *model.Block) (model.Span, bool) {
	if b.Kind == model.TableRow {
		if len(b.Cells) != 1 {
			return model.Span{}, false
		}
		cell := doc.Slice(b.Cells[0])
		after := strings.Trim(doc.Text[b.Cells[0].End:b.Span.End], " \t")
		if emptyLabel.MatchString(strings.ReplaceAll(cell, " ", "")+":") && strings.Trim(after, "| ") == "" && strings.Count(after, "|") >= 2 {
			return b.Cells[0], true
		}
		return model.Span{}, false
	}
	if b.Kind == model.Heading || !emptyLabel.MatchString(strings.ReplaceAll(b.Text, " ", "")) {
		return model.Span{}, false
	}
	if i+1 < len(doc.Blocks) {
		next := doc.Blocks[i+1]
		if next.Kind != model.Heading && !isLabelLine(next.Text) && next.Kind != model.TableRow && !endMark.MatchString(next.Text) {
			return model.Span{}, false // the value is on the next line
		}
	}
	return b.Span, true
}

// isLabelLine reports whether a line opens with another field label
// (お客様相談室：…), not with a value such as a time (10:00) or a URL.
func isLabelLine(s string) bool {
	return anyLabel.MatchString(s) && !strings.HasPrefix(s, "http")
}

// onlyMarks reports whether s has no letters or digits: a decorative line
// (●●●●) or a bullet.
func onlyMarks(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("〇○◯●△□×■◆◇▲▼★☆・-*=_ 　", r) {
			return false
		}
	}
	return true
}

func isLatinLetter(b byte) bool { return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' }

// origText is the text of a span as the author wrote it (before width
// folding), for messages.
func origText(doc *model.Document, sp model.Span) string {
	a, b := doc.OrigRange(sp)
	return doc.Orig[a:b]
}
