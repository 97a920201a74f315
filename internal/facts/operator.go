package facts

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// NameKind classifies a name that the policy gives its operator.
type NameKind int

// Name kinds.
const (
	// Brand is a service, site, brand or project name (サンプルアプリ, example.net,
	// 〇〇プロジェクト): it does not identify the business in law.
	Brand NameKind = iota
	// LegalEntity is a juridical person named with its legal form
	// (株式会社〇〇, 〇〇合同会社, 一般社団法人〇〇, Example Inc.).
	LegalEntity
	// Organization is a named body without a legal-form word (〇〇協会,
	// 〇〇連盟 〇〇支部, 〇〇法律事務所).
	Organization
	// Individual is a natural person's name (a sole proprietor).
	Individual
)

func (k NameKind) String() string {
	switch k {
	case LegalEntity:
		return "legal-entity"
	case Organization:
		return "organization"
	case Individual:
		return "individual"
	}
	return "brand"
}

// NameSource says where the policy states a name of its operator.
type NameSource int

// Name sources.
const (
	// FromDefinition is the sentence that defines the operator's short name:
	// 「〇〇株式会社（以下「当社」といいます。）は…」.
	FromDefinition NameSource = iota
	// FromLabel is a field: 会社名：〇〇, 法人名 〇〇, 氏名又は名称 〇〇.
	FromLabel
	// FromHeading is the title of the policy: 〇〇株式会社 プライバシーポリシー.
	FromHeading
	// FromSignature is a line of its own next to the representative, the
	// address or the contact details (the signature or the contact block).
	FromSignature
	// FromSubject is the name as the subject of a sentence about the
	// policy or personal information: 〇〇株式会社は、個人情報を….
	FromSubject
)

// Name is one statement of the operator's name.
type Name struct {
	Text     string
	Kind     NameKind
	Source   NameSource
	Span     model.Span
	Sentence *model.Sentence
}

// Definition is the sentence that introduces the operator's short name
// (当社, 当方, 当会…): 「X（以下「当社」といいます。）」.
type Definition struct {
	// Name is X as written; empty when the template slot was left blank.
	Name string
	// Kind classifies Name (Brand when it is a service or site name).
	Kind NameKind
	// Placeholder is true when Name is unfilled template text (株式会社〇〇).
	Placeholder bool
	// Short is the short name defined (当社).
	Short string
	// Span covers Name, or the opening parenthesis when Name is empty.
	Span     model.Span
	Sentence *model.Sentence
}

// Address is a street address of the operator.
type Address struct {
	Value    string
	Span     model.Span
	Sentence *model.Sentence
}

// Representative is the name of the operator's representative with the
// title that introduces it (代表取締役 山田太郎, 代表者：山田花子).
type Representative struct {
	Title    string
	Name     string
	Span     model.Span // from the title to the end of the name
	Sentence *model.Sentence
}

// Operator is what the policy says about the business that publishes it.
type Operator struct {
	// Names are the statements of the operator's name (legal entity,
	// organisation or individual), in document order. Brand names are not
	// included: a brand alone does not name the operator.
	Names []Name
	// Definition is the first sentence that defines the operator's short
	// name, or nil.
	Definition *Definition
	// Corporation is true when the operator is named as a juridical person.
	Corporation bool
	// Individual is true when the operator is named only as a natural
	// person (a sole proprietor), whose own name then serves as the
	// representative's.
	Individual bool
	// Addresses are the operator's street addresses.
	Addresses []Address
	// Representatives are the representative names given with a title.
	Representatives []Representative
	// BareTitles are representative titles given without a name
	// (代表者：代表取締役), for messages.
	BareTitles []model.Span
}

// NameKindOf classifies a name as written in a policy.
func NameKindOf(s string) NameKind { return classifyName(strings.TrimSpace(s)) }

const legalForms = `株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|` +
	`特定非営利活動法人|NPO法人|社会福祉法人|学校法人|医療法人社団|医療法人財団|医療法人|宗教法人|独立行政法人|` +
	`地方独立行政法人|国立研究開発法人|国立大学法人|公立大学法人|弁護士法人|税理士法人|司法書士法人|行政書士法人|` +
	`社会保険労務士法人|弁理士法人|監査法人|土地家屋調査士法人|農業協同組合|生活協同組合|事業協同組合|協同組合|` +
	`信用金庫|信用組合|労働金庫|相互会社|\(株\)|㈱|\(有\)|㈲|\(同\)`

var (
	legalFormPattern = rx.MustCompile(legalForms)
	// latinEntityPattern finds names with an English legal form.
	latinEntityPattern = rx.MustCompile(`[A-Z][A-Za-z0-9&.'’\-]*(?: [A-Za-z0-9&.'’\-]+){0,5},? ?(?:Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Co\., ?Ltd\.?|Co\. ?Ltd\.?|Corporation|Corp\.|K\.K\.|G\.K\.|GmbH|PLC|Limited)(?:[^A-Za-z]|$)`)
	// latinFormHint is a cheap test before latinEntityPattern.
	latinFormHint = rx.MustCompile(`Inc|LLC|L\.L\.C|Ltd|Corp|K\.K|G\.K|GmbH|PLC|Limited`)
	// nameCut ends a captured entity name where other words begin.
	nameCut   = rx.MustCompile(`代表|取締役|社長|個人情報|窓口|担当|御中|宛|様|プライバシー|ポリシー|方針|お問|問い?合|相談|規約|について|における|本社|本店|支店|営業所|住所|所在地|電話|TEL|Tel|E-?mail|メール|〒|の`)
	orgSuffix = rx.MustCompile(`(?:協会|連盟|連合会|連合|支部|本部|組合|学会|研究会|委員会|協議会|同好会|愛好会|後援会|振興会|自治会|町内会|商工会議所|商工会|大学|大学院|学園|学校|幼稚園|保育園|病院|医院|クリニック|診療所|薬局|事務所|研究所|財団|機構|基金|[\p{Han}]{2,}会|役所|役場|[都道府県市区町村])$`)
	// personHan is a Japanese name: kanji only, a kanji surname and a
	// given name in any script after a space (山田 正樹, 山田 えりか), or
	// a kanji surname and a hiragana given name (山田さくら).
	personHan   = rx.MustCompile(`^[\p{Han}々]{1,4}(?: [\p{Han}\p{Hiragana}\p{Katakana}々ー]{1,5}|[\p{Han}々]{1,4}|\p{Hiragana}{2,4})$`)
	personKana  = rx.MustCompile(`^[\p{Katakana}ー]{2,}[・ =][\p{Katakana}ー]{2,}$`)
	personLatin = rx.MustCompile(`^[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][A-Za-z'\-]+$`)
	// notPerson are words that never belong to a person's name.
	notPerson      = rx.MustCompile(`代表|取締役|社長|会長|役員|管理|責任|担当|窓口|電話|番号|メール|住所|所在|会社|法人|株式|事務|情報|個人|本社|本店|氏名|名称|部長|課長|室長|相談|受付|時間|平日|当社|弊社|当方|連絡|宛|様|殿|御中|以下|保護|方針|サービス|サイト|システム|プロジェクト|センター|委員|協会|未定|不明|なし|無し|記入|省略|同上|以上|理事|社員|執行|本部|営業|総務|法務|広報|[〇○●◯×△□]`)
	departmentWord = rx.MustCompile(`^[\p{Han}\p{Katakana}ー]{2,}(?:部|課|室|局|係|班|グループ|チーム)$`)
	// wholeNameTail is the rest of a name after its leading legal form.
	wholeNameTail = rx.MustCompile(`^ ?[^、。,\s()「」]{1,30}$`)
	// predicateWords turn a name into a description (〇〇が運営するサービス).
	predicateWords  = rx.MustCompile(`が|を|する|による|について|における|に関する|運営|提供`)
	placeholderMark = rx.MustCompile(`[〇○●◯×△□]{2,}|[XxＸ]{3,}|【[^】]*】|^\[[^\]]*\]$|^\s*$`)
)

// classifyName decides what kind of name s is.
func classifyName(s string) NameKind {
	s = strings.TrimSpace(s)
	switch {
	case s == "" || placeholderMark.MatchString(s):
		return Brand
	case endsWithEntity(s):
		return LegalEntity
	case isPersonName(s):
		return Individual
	case orgSuffix.MatchString(s) && utf8.RuneCountInString(s) >= 3 && !strings.Contains(s, "プロジェクト"):
		return Organization
	}
	return Brand
}

// endsWithEntity reports whether s is, or ends with, a legal-entity name:
// 「〇〇株式会社」 and 「株式会社はてな」 are, 「〇〇株式会社が運営するサービス」 is not.
func endsWithEntity(s string) bool {
	s = strings.TrimRight(s, " ")
	if _, ok := entityEndingAt(s); ok {
		return true
	}
	// A whole name that opens with the legal form may be in any script
	// (株式会社はてな), which entitiesIn cannot tell from running text.
	loc := legalFormPattern.FindStringIndex(s)
	return loc != nil && loc[0] == 0 && wholeNameTail.MatchString(s[loc[1]:]) && !predicateWords.MatchString(s[loc[1]:])
}

// isPersonName reports whether s looks like a natural person's name
// (山田太郎, 山田 正樹, ジョン・スミス, John Smith).
func isPersonName(s string) bool {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 16 || notPerson.MatchString(s) {
		return false
	}
	if !strings.Contains(s, " ") && departmentWord.MatchString(s) {
		return false
	}
	return personHan.MatchString(s) || personKana.MatchString(s) || personLatin.MatchString(s)
}

// Operator facts are drawn from these patterns.
var (
	// definitionPattern finds 「(以下「当社」といいます。)」 and its variants.
	definitionPattern = rx.MustCompile(`\(\s*以下[、,]?\s*[「『"“]?\s*(当[\p{Han}\p{Katakana}ー]{1,8}|弊[\p{Han}]{1,3}|本(?:学|会|法人|協会|連盟|組合|財団|機構|院|園|校)|私たち|私|わたくし|わたし|運営者)\s*[」』"”]?[^)]{0,20}\)`)
	// reverseDefinition finds 当支部（「〇〇連盟 〇〇支部」をいいます。）
	// and 弊社（名称：〇〇株式会社）.
	reverseDefinition = rx.MustCompile(`((?:当|弊)[\p{Han}\p{Katakana}ー]{1,6}|当方)\s*\(\s*(?:(?:正式)?(?:名称|社名|会社名|商号|法人名)\s*:\s*([^)「」]{1,60})|[「『]([^」』]{1,60})[」』]\s*(?:を|の)?(?:こと)?(?:いいます|いう|指します|指す|とします)|([^()「」、。]{2,60})\))`)
	// nameLabel is a field that gives the operator's name; its value
	// follows on the same line or the next.
	nameLabel = rx.MustCompile(`^(?:[・\-*●■□◆◇▪•※]\s*)?[【\[<＜(]?\s*(会社名|法人名|社名|商号|正式名称|事業者名|事業者の名称|事業者の氏名又は名称|(?:個人)?事業(?:者|主)の?氏名|運営者の?氏名|氏名又は名称|氏名または名称|氏名・名称|名称又は氏名|名称または氏名|個人情報取扱事業者の(?:氏名又は)?名称|個人情報取扱事業者|運営者名?|運営者情報|運営会社名?|運営元|運営主体|運営事業者|運営法人|運営|サービス提供者|提供者|団体名|組織名|事業者名称|法人名称|会社名称|商号又は名称|名称又は商号|事業者|販売業者|名称)\s*[】\]>＞)]?\s*(?::|\t|$| )`)
	// proprietorPattern names the person who runs the service; the name
	// must follow a separator (運営者の判断 is no name).
	proprietorPattern = rx.MustCompile(`(?:個人事業主(?:である)?|(?:運営者|運営責任者|開設者)[:\s])\s*([\p{Han}々]{1,4}(?: [\p{Han}\p{Hiragana}\p{Katakana}々ー]{1,5}|[\p{Han}々]{1,4}|\p{Hiragana}{2,4}))(?:が|は|に|です|、|。|\(|$)`)
	// proprietorSubject names the person first: 「山田花子が個人事業主として
	// 営む」, 「山田花子(個人事業主)」.
	proprietorSubject = rx.MustCompile(`([\p{Han}々]{1,4}(?: [\p{Han}\p{Hiragana}\p{Katakana}々ー]{1,5}|[\p{Han}々]{1,4}|\p{Hiragana}{2,4}))\s*(?:(?:が|は)個人事業主(?:として|で)|\(個人事業主\))`)
	// trailingNote is a parenthetical after a labelled value (山田花子
	// (個人事業主), 〇〇株式会社(東京本社)), which is no part of the name.
	trailingNote = rx.MustCompile(`\s*\([^()]*\)\s*$`)
	// fieldWord opens a line that is another field, not a value.
	fieldWord = rx.MustCompile(`^(?:住所|所在地|本社|代表|電話|TEL|Tel|FAX|メール|E-?mail|URL|担当|窓口|受付|〒)`)
	// strongLabels name the operator whatever the value looks like.
	strongLabels = rx.MustCompile(`^(?:会社名|法人名|社名|商号|正式名称|事業者の名称|事業者の氏名又は名称|氏名又は名称|氏名または名称|氏名・名称|名称又は氏名|名称または氏名|個人情報取扱事業者.*)$`)
	// policyWords mark a heading or sentence as being about the policy.
	policyWords = rx.MustCompile(`個人情報|プライバシー|ポリシー|方針|パーソナルデータ|Privacy|privacy`)
	// thirdPartyTitle marks sections about other businesses, whose names
	// and addresses are not the operator's.
	thirdPartyTitle = rx.MustCompile(`認定個人情報保護団体|認定団体|外部送信|情報収集モジュール|モジュール|第三者|共同利用|共同して利用|委託|提供先|送信先|提携|Cookie|cookie|クッキー|広告|解析|ツール|外国`)
	// accreditedTitle marks the section about an accredited body, whose
	// address and contact are that body's.
	accreditedTitle = rx.MustCompile(`認定個人情報保護団体|認定団体`)
	// thirdPartyContext marks sentences that name other businesses.
	thirdPartyContext = rx.MustCompile(`第三者|提供元|送信先|委託先|提携先|広告配信|共同利用|共同して利用|親会社|子会社|グループ会社`)
	// signatureContext marks a block as a signature or contact block.
	signatureContext = rx.MustCompile(`代表|住所|所在地|〒|電話|TEL|Tel|メール|E-?mail|@|制定|改定|改訂|施行|窓口`)
	// inquiryTitle marks a section about contacting the operator.
	inquiryTitle = rx.MustCompile(`問い?合わ?せ|問合せ|窓口|連絡先|苦情|相談|事業者|会社概要|運営者|会社情報|名称|住所`)
	// subjectTail follows a name used as the subject of a sentence.
	subjectTail = rx.MustCompile(`^\s*(?:は|では|が|および|及び|並びに|ならびに|と|、|\()`)
	// runsService follows the name of the business that runs the service
	// (〇〇株式会社が運営する本サービス).
	runsService = rx.MustCompile(`^\s*(?:が|の)(?:運営|提供|管理|開設|運用)`)
	// ownService is the policy's own service, site or app.
	ownService = rx.MustCompile(`(?:本|当|この)(?:サービス|サイト|ウェブサイト|Webサイト|WEBサイト|アプリ|ブログ)`)
	// externalTools mark sentences about outside tools, whose providers
	// also "provide" something.
	externalTools = rx.MustCompile(`外部|ツール|解析|広告|Cookie|cookie|クッキー|アナリティクス|Analytics|SDK|モジュール|プラグイン`)
	// copyrightLine ends the lead of a copyright notice (© 2024 〇〇株式会社).
	copyrightLine = rx.MustCompile(`(?:©|\(c\)|\(C\)|Copyright|COPYRIGHT)[\s0-9\-–,]*$`)
	leadingJunk   = rx.MustCompile(`^[^\p{L}\p{N}(㈱㈲]+`)
)

// findOperator derives what the policy says about its operator, from its
// definition (findDefinitions) and the rest of the document.
func findOperator(doc *model.Document, contacts []Contact, def *Definition, defNames []Name) Operator {
	var op Operator
	op.Definition, op.Names = def, append([]Name(nil), defNames...)
	titles := TitleMemo{}
	op.Names = append(op.Names, findLabelledNames(doc, titles)...)
	op.Names = append(op.Names, findPositionedNames(doc, titles)...)
	op.Names = append(op.Names, findSoleProprietors(doc)...)
	sort.SliceStable(op.Names, func(i, j int) bool { return op.Names[i].Span.Start < op.Names[j].Span.Start })
	individual := false
	for _, n := range op.Names {
		switch n.Kind {
		case LegalEntity:
			op.Corporation = true
		case Individual:
			if n.Source == FromDefinition || n.Source == FromLabel {
				individual = true
			}
		}
	}
	op.Individual = individual && !op.Corporation
	known := distinctNames(op.Names)
	op.Addresses = operatorAddresses(doc, titles, contacts, known)
	op.Representatives, op.BareTitles = findRepresentatives(doc, titles, known)
	return op
}

// sentenceAt returns the sentence containing the byte offset, or nil.
func sentenceAt(doc *model.Document, off int) *model.Sentence {
	i := sort.Search(len(doc.Sentences), func(i int) bool { return doc.Sentences[i].Span.End > off })
	if i < len(doc.Sentences) && doc.Sentences[i].Span.Start <= off {
		return doc.Sentences[i]
	}
	return nil
}

// TitleMemo answers, once per section and pattern, whether a section or
// one of its ancestors has a title matching the pattern: documents have
// thousands of blocks and few sections. One memo serves one document.
type TitleMemo map[titleKey]bool

type titleKey struct {
	sec *model.Section
	re  *rx.Regexp
}

// Under reports whether sec or an ancestor has a title matching re.
func (m TitleMemo) Under(sec *model.Section, re *rx.Regexp) bool {
	if sec == nil {
		return false
	}
	k := titleKey{sec, re}
	v, ok := m[k]
	if !ok {
		v = sec.Head != nil && re.MatchString(sec.Title) || m.Under(sec.Parent, re)
		m[k] = v
	}
	return v
}

// definitionWords: a sentence defining the operator's short name says one of them.
var definitionWords = rx.Literals("以下", "当", "弊")

// findDefinitions finds the definition sentences and the names they give.
func findDefinitions(doc *model.Document) (*Definition, []Name) {
	var first *Definition
	var names []Name
	for _, s := range doc.Sentences {
		if !definitionWords.MatchString(s.Text) {
			continue
		}
		for _, loc := range definitionPattern.FindAllStringSubmatchIndex(s.Text, -1) {
			if strings.HasPrefix(s.Text[loc[2]:loc[3]], "当該") {
				continue // 「以下「当該情報」」 defines a term, not the operator
			}
			name, lo, hi := definedName(s.Text[:loc[0]])
			d := &Definition{Name: name, Kind: classifyName(name), Placeholder: name != "" && placeholderMark.MatchString(name), Short: s.Text[loc[2]:loc[3]], Sentence: s,
				Span: model.Span{Start: s.Span.Start + lo, End: s.Span.Start + hi}}
			if name == "" {
				d.Span = model.Span{Start: s.Span.Start + loc[0], End: s.Span.Start + loc[1]}
			}
			if first == nil {
				first = d
			}
			if d.Kind != Brand {
				names = append(names, Name{Text: name, Kind: d.Kind, Source: FromDefinition, Span: d.Span, Sentence: s})
			}
		}
		for _, m := range reverseDefinition.FindAllStringSubmatchIndex(s.Text, -1) {
			lo, hi := m[4], m[5] // 弊社（名称：〇〇株式会社）
			if lo < 0 {
				lo, hi = m[6], m[7] // 当支部（「〇〇連盟 〇〇支部」をいいます。）
			}
			bare := lo < 0
			if bare {
				lo, hi = m[8], m[9] // 当社（〇〇株式会社）
			}
			name := strings.TrimSpace(s.Text[lo:hi])
			kind := classifyName(name)
			if bare && kind != LegalEntity && kind != Individual {
				continue // 当社（当社の子会社を含む）: not a name
			}
			if first == nil {
				first = &Definition{Name: name, Kind: kind, Short: s.Text[m[2]:m[3]], Sentence: s,
					Span: model.Span{Start: s.Span.Start + lo, End: s.Span.Start + hi}}
			}
			if kind != Brand {
				names = append(names, Name{Text: name, Kind: kind, Source: FromDefinition,
					Span: model.Span{Start: s.Span.Start + lo, End: s.Span.Start + hi}, Sentence: s})
			}
		}
	}
	return first, names
}

// definedName extracts the name that precedes 「（以下「当社」…）」 in
// before, with its byte range: the text after the last clause break, or
// the legal-entity name that ends there.
func definedName(before string) (string, int, int) {
	end := len(strings.TrimRight(before, " "))
	start := 0
	for _, sep := range []string{"、", "。", "」", ",", "\t", "|"} {
		if i := strings.LastIndex(before[:end], sep); i >= 0 && i+len(sep) > start {
			start = i + len(sep)
		}
	}
	if j := leadingJunk.FindStringIndex(before[start:end]); j != nil {
		start += j[1]
		if b := start - len("【"); strings.HasSuffix(before[:start], "【") && placeholderLead.MatchString(before[b:end]) {
			start = b // 【会社名】: the bracket opens a blank, it is no junk
		}
	}
	name := before[start:end]
	// A legal-entity name ending the text is the name, whatever precedes it
	// (a title run into the first sentence, 「本サービスを運営する」).
	if e, ok := entityEndingAt(before[:end]); ok && e > start {
		return before[e:end], e, end
	}
	return name, start, end
}

// entityEndingAt finds a legal-entity name that ends at the end of s and
// returns where it starts.
func entityEndingAt(s string) (int, bool) {
	for _, m := range entitiesIn(s) {
		if m[1] == len(s) {
			return m[0], true
		}
	}
	return 0, false
}

// entitiesIn returns the byte ranges of the legal-entity names in s:
// 株式会社〇〇, 〇〇株式会社 and English forms (Example Inc.).
func entitiesIn(s string) [][2]int {
	var out [][2]int
	for _, loc := range findIf(mayHaveLegalForm(s), legalFormPattern, s) {
		// 〇〇株式会社: the name runs back from the legal form.
		start := loc[0]
		for steps := 0; start > 0 && steps < maxNameRunes; steps++ {
			r, n := utf8.DecodeLastRuneInString(s[:start])
			if !isNameRune(r) && !(r == ' ' && start-n > 0 && latinAround(s, start-n)) {
				break
			}
			start -= n
		}
		if start < loc[0] {
			name := s[start:loc[0]]
			if cut := nameCut.FindAllStringIndex(name, -1); len(cut) > 0 {
				start += cut[len(cut)-1][1]
			}
		}
		if start < loc[0] && strings.TrimSpace(s[start:loc[0]]) != "" {
			out = append(out, [2]int{start, loc[1]})
			continue
		}
		// 株式会社〇〇: the name runs on after the legal form.
		end := loc[1]
		for end < len(s) && s[end] == ' ' {
			end++
		}
		nameStart := end
		for steps := 0; end < len(s) && steps < maxNameRunes; steps++ {
			r, n := utf8.DecodeRuneInString(s[end:])
			if !isNameRune(r) && !(r == ' ' && latinAround(s, end)) {
				break
			}
			end += n
		}
		if cut := nameCut.FindStringIndex(s[nameStart:end]); cut != nil {
			end = nameStart + cut[0]
		}
		end = nameStart + len(strings.TrimRight(s[nameStart:end], " .・-"))
		if end > nameStart {
			out = append(out, [2]int{loc[0], end})
		}
	}
	for _, loc := range findIf(latinFormHint.MatchString(s), latinEntityPattern, s) {
		end := loc[1]
		// The pattern consumed the character after the legal form (never
		// an ASCII letter): drop it unless it is a period.
		if r, n := utf8.DecodeLastRuneInString(s[:end]); r != '.' && !(r < utf8.RuneSelf && unicode.IsLetter(r)) {
			end -= n
		}
		out = append(out, [2]int{loc[0], end})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// legalFormHints are substrings that every legal form contains: testing
// them is much cheaper than running legalFormPattern on every sentence.
var legalFormHints = rx.Literals("会社", "法人", "組合", "金庫", "(株)", "㈱", "(有)", "㈲", "(同)")

func mayHaveLegalForm(s string) bool { return legalFormHints.MatchString(s) }

// maxNameRunes bounds how far a business name is read from its legal form.
const maxNameRunes = 40

// isNameRune reports whether r can be part of a business name. Hiragana
// is left out: in running text it is mostly particles (は, の, および).
func isNameRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r) || r == 'ー' || r == '・' || r == '々' ||
		r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("&.'’-＆", r)
}

// latinAround reports whether the space at i sits between Latin letters
// (Example Design Works株式会社).
func latinAround(s string, i int) bool {
	if i == 0 || i+1 >= len(s) {
		return false
	}
	isLatin := func(b byte) bool {
		return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '.'
	}
	return isLatin(s[i-1]) && isLatin(s[i+1])
}

// findLabelledNames finds name fields (会社名：〇〇, 法人名\t〇〇).
func findLabelledNames(doc *model.Document, titles TitleMemo) []Name {
	var out []Name
	for i, b := range doc.Blocks {
		if titles.Under(b.Section, thirdPartyTitle) {
			continue
		}
		label, value, off := labelValue(doc, b, nameLabel)
		if label == "" {
			continue
		}
		if value == "" && i+1 < len(doc.Blocks) {
			next := doc.Blocks[i+1]
			if next.Kind == model.Heading || strings.ContainsAny(next.Text, ":\t") || utf8.RuneCountInString(next.Text) > 60 ||
				fieldWord.MatchString(next.Text) {
				continue
			}
			value, off = next.Text, next.Span.Start
		}
		value = strings.TrimSpace(value)
		if value == "" || placeholderMark.MatchString(value) {
			continue
		}
		kind := classifyName(value)
		if kind == Brand {
			if v := trailingNote.ReplaceAllString(value, ""); v != "" && classifyName(v) != Brand {
				value, kind = v, classifyName(v)
			}
		}
		if kind == LegalEntity {
			if ents := entitiesIn(value); len(ents) > 0 {
				off += ents[0][0]
				value = value[ents[0][0]:ents[0][1]]
			}
		}
		if kind == Brand && !strongLabels.MatchString(label) {
			continue
		}
		if kind == Brand {
			// 会社名：〇〇 names the operator even in an unusual form.
			kind = Organization
		}
		sp := model.Span{Start: off, End: off + len(value)}
		out = append(out, Name{Text: value, Kind: kind, Source: FromLabel, Span: sp, Sentence: sentenceAt(doc, off)})
	}
	return out
}

// proprietorWords: a sentence naming a sole proprietor says one of them.
var proprietorWords = rx.Literals("個人事業", "運営", "開設者")

// findSoleProprietors finds a person named as the one who runs the
// service: 「個人事業主 山田太郎が運営しています」, 「運営者：山田太郎」 inside a
// sentence.
func findSoleProprietors(doc *model.Document) []Name {
	var out []Name
	for _, s := range doc.Sentences {
		if !proprietorWords.MatchString(s.Text) {
			continue
		}
		ms := proprietorPattern.FindAllStringSubmatchIndex(s.Text, -1)
		for _, m := range proprietorSubject.FindAllStringSubmatchIndex(s.Text, -1) {
			// The name must start a word: サンプル工房（個人事業主） names a shop.
			if r, _ := utf8.DecodeLastRuneInString(s.Text[:m[2]]); !isNameRune(r) {
				ms = append(ms, m)
			}
		}
		for _, m := range ms {
			name := s.Text[m[2]:m[3]]
			if !isPersonName(name) {
				continue
			}
			out = append(out, Name{Text: name, Kind: Individual, Source: FromLabel, Sentence: s,
				Span: model.Span{Start: s.Span.Start + m[2], End: s.Span.Start + m[3]}})
		}
	}
	return out
}

// labelValue matches a field label at the start of a block (or in the
// first cell of a table row) and returns the label, the value that
// follows it on the same line (maybe empty) and the value's offset.
func labelValue(doc *model.Document, b *model.Block, re *rx.Regexp) (string, string, int) {
	if b.Kind == model.TableRow && len(b.Cells) >= 2 {
		first := strings.TrimSpace(doc.Slice(b.Cells[0]))
		if m := re.FindStringSubmatch(first + " "); m != nil && len(strings.TrimSpace(m[0])) >= len(first) {
			v := b.Cells[1]
			return m[1], doc.Slice(v), v.Start
		}
		return "", "", 0
	}
	loc := re.FindStringSubmatchIndex(b.Text)
	if loc == nil {
		return "", "", 0
	}
	rest := b.Text[loc[1]:]
	trimmed := strings.TrimLeft(rest, " :\t")
	return b.Text[loc[2]:loc[3]], trimmed, b.Span.Start + loc[1] + len(rest) - len(trimmed)
}

// findPositionedNames finds legal-entity names stated where only the
// operator's name stands: the title, the signature or contact block, and
// the subject of a sentence about the policy.
func findPositionedNames(doc *model.Document, titles TitleMemo) []Name {
	var out []Name
	add := func(s *model.Sentence, e [2]int, src NameSource) {
		name := s.Text[e[0]:e[1]]
		if kind := classifyName(name); kind != Brand {
			out = append(out, Name{Text: name, Kind: kind, Source: src,
				Span: model.Span{Start: s.Span.Start + e[0], End: s.Span.Start + e[1]}, Sentence: s})
		}
	}
	for _, s := range doc.Sentences {
		b := s.Block
		ents := entitiesIn(s.Text)
		if len(ents) == 0 {
			continue
		}
		e := ents[0]
		atStart := strings.TrimSpace(leadingJunk.ReplaceAllString(s.Text[:e[0]], "")) == ""
		firstInBlock := s.Span.Start == b.Span.Start
		if titles.Under(b.Section, thirdPartyTitle) {
			// Sections about other businesses list their names; only the
			// title, or a signature with the representative's title (a
			// policy's last lines often fall under its last section), is
			// the operator's.
			switch {
			case isTitle(b) && policyWords.MatchString(b.Text):
				add(s, e, FromHeading)
			case firstInBlock && atStart && signedByRepresentative(doc, b, s.Text[e[1]:]):
				add(s, e, FromSignature)
			}
			continue
		}
		switch {
		case isTitle(b) && policyWords.MatchString(b.Text) && utf8.RuneCountInString(b.Text) <= 80:
			add(s, e, FromHeading)
		case firstInBlock && atStart && isSignature(doc, titles, b, s.Text[e[1]:]):
			add(s, e, FromSignature)
		case atStart && subjectTail.MatchString(s.Text[e[1]:]) && policyWords.MatchString(s.Text) &&
			(inPreamble(b) || !thirdPartyContext.MatchString(s.Text)):
			add(s, e, FromSubject)
		case runsService.MatchString(s.Text[e[1]:]) && ownService.MatchString(s.Text) && !thirdPartyContext.MatchString(s.Text) &&
			!externalTools.MatchString(s.Text):
			add(s, e, FromSubject)
		case copyrightLine.MatchString(s.Text[:e[0]]) && utf8.RuneCountInString(s.Text) <= 80:
			add(s, e, FromSignature)
		}
	}
	return out
}

// isTitle reports whether a block is the document's title: its first
// line, or a heading among its first lines.
func isTitle(b *model.Block) bool {
	return b.Index == 0 || b.Kind == model.Heading && b.Index < titleBlocks
}

// titleBlocks is how many blocks at the top of a document count as its
// title (a page title, the policy heading, a breadcrumb).
const titleBlocks = 5

// inPreamble reports whether a block is in the opening paragraphs, before
// any heading, where the operator introduces itself.
func inPreamble(b *model.Block) bool { return b.Section.Head == nil && b.Index < 2*titleBlocks }

// signedByRepresentative reports whether a block that opens with a
// legal-entity name carries the representative's title, on its line or
// the next.
func signedByRepresentative(doc *model.Document, b *model.Block, rest string) bool {
	if utf8.RuneCountInString(rest) > 40 {
		return false
	}
	if repTitle.MatchString(rest) {
		return true
	}
	if b.Index+1 < len(doc.Blocks) {
		next := doc.Blocks[b.Index+1]
		if loc := repTitle.FindStringIndex(next.Text); loc != nil && loc[0] == 0 {
			return true
		}
	}
	return false
}

// isSignature reports whether a block that opens with a legal-entity name
// is a signature or contact block: the rest of the line is short and the
// block sits among the representative, address or contact lines, or in a
// section about contacting the operator.
func isSignature(doc *model.Document, titles TitleMemo, b *model.Block, rest string) bool {
	if utf8.RuneCountInString(rest) > 40 || strings.Contains(rest, "。") {
		return false
	}
	if titles.Under(b.Section, inquiryTitle) || signatureContext.MatchString(rest) {
		return true
	}
	for j := b.Index - 2; j <= b.Index+2; j++ {
		if j < 0 || j >= len(doc.Blocks) || j == b.Index {
			continue
		}
		nb := doc.Blocks[j]
		if nb.Section == b.Section && signatureContext.MatchString(nb.Text) && utf8.RuneCountInString(nb.Text) <= 80 {
			return true
		}
	}
	return false
}

// operatorAddresses keeps the street addresses that belong to the
// operator: not in a section about other businesses, and not next to the
// name of another business.
func operatorAddresses(doc *model.Document, titles TitleMemo, contacts []Contact, names []string) []Address {
	var out []Address
	for _, c := range contacts {
		if c.Kind != Postal || c.Sentence == nil {
			continue
		}
		b := c.Sentence.Block
		if titles.Under(b.Section, accreditedTitle) || titles.Under(b.Section, thirdPartyTitle) && !titles.Under(b.Section, inquiryTitle) {
			continue
		}
		if nearOtherEntity(doc, b, names) {
			continue
		}
		out = append(out, Address{Value: c.Value, Span: c.Span, Sentence: c.Sentence})
	}
	return out
}

// nearOtherEntity reports whether the block or the two before it (in the
// same section) name a legal entity that is not the operator, and none
// that is.
func nearOtherEntity(doc *model.Document, b *model.Block, names []string) bool {
	other := false
	for j := b.Index; j >= 0 && j >= b.Index-2; j-- {
		nb := doc.Blocks[j]
		if nb.Section != b.Section {
			break
		}
		for _, e := range entitiesIn(nb.Text) {
			if isOperatorName(nb.Text[e[0]:e[1]], names) {
				return false
			}
			other = true
		}
	}
	return other
}

// isOperatorName reports whether a name is one of the operator's (given
// as the distinct texts of its names, without spaces).
func isOperatorName(s string, names []string) bool {
	s = strings.ReplaceAll(s, " ", "")
	for _, t := range names {
		if t != "" && (strings.Contains(s, t) || strings.Contains(t, s)) {
			return true
		}
	}
	return false
}

// distinctNames returns the distinct texts of the names, without spaces.
func distinctNames(names []Name) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		t := strings.ReplaceAll(n.Text, " ", "")
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

var (
	// repTitle is a representative's title; the name follows it.
	repTitle = rx.MustCompile(`代表取締役|代表執行役|代表社員|代表理事|理事長|代表者(?:名|氏名|の氏名)?|代表|取締役社長|社長|会長|院長|所長|学長|校長|園長|組合長|CEO|President`)
	// moreTitles are further titles between the first one and the name.
	moreTitles = rx.MustCompile(`^(?:[ :\t|]*(?:代表取締役|取締役|執行役員|執行役|社長|会長|兼|CEO|COO|最高経営責任者|理事長|理事|代表社員|業務執行社員|代表者|代表|の氏名|氏名|名))*[ :\t|]*`)
	// nameEnd cuts a name off at what follows it on the same line.
	nameEnd = rx.MustCompile(`[、。,(\t|/「]|宛|です|でございます|となります|様`)
)

// findRepresentatives finds representative names given with a title, on
// the same line or the next, and titles given without a name.
func findRepresentatives(doc *model.Document, titles TitleMemo, names []string) ([]Representative, []model.Span) {
	var reps []Representative
	var bare []model.Span
	for i, b := range doc.Blocks {
		if !mayHaveTitle(b.Text) || !repTitle.MatchString(b.Text) || titles.Under(b.Section, accreditedTitle) {
			continue
		}
		bareAt := -1 // a title that opens the line with no name after it
		consumed := 0
		for _, loc := range repTitle.FindAllStringIndex(b.Text, -1) {
			if loc[0] < consumed {
				continue // a title inside the titles already read (代表取締役 執行役員社長)
			}
			consumed = loc[1] + len(moreTitles.FindString(b.Text[loc[1]:]))
			rest := b.Text[loc[1]:]
			rest = rest[len(moreTitles.FindString(rest)):]
			rest = strings.TrimLeft(strings.TrimPrefix(rest, "は"), "、 \t|")
			restOff := b.Span.Start + len(b.Text) - len(rest)
			titleOnly := rest == "" || onlyPlaceholder(rest)
			if rest == "" && i+1 < len(doc.Blocks) {
				// 〇〇株式会社 代表取締役 / 山田太郎: the name is on the next line.
				next := doc.Blocks[i+1]
				if loc := repTitle.FindStringIndex(next.Text); loc != nil && loc[0] == 0 {
					titleOnly = false // a label (代表者の氏名) with the title and name below
				} else if next.Kind != model.Heading {
					rest, restOff = next.Text, next.Span.Start
				}
			}
			name, nlo := personNameAt(rest)
			if name == "" && restOff < b.Span.End {
				// 代表取締役 【代表者氏名】: the name is drafted, left blank
				// (appi/placeholder reports it). A bracket on the next line
				// would be a heading.
				name, nlo = leadingPlaceholder(rest)
			}
			if name == "" {
				// 代表者：代表取締役 (and nothing else) or 代表取締役 〇〇〇〇.
				if titleOnly && bareAt == -1 && strings.TrimSpace(leadingJunk.ReplaceAllString(b.Text[:loc[0]], "")) == "" {
					bareAt = loc[0]
				}
				continue
			}
			if ents := entitiesIn(b.Text[:loc[0]]); len(ents) > 0 && len(names) > 0 {
				if e := ents[len(ents)-1]; !isOperatorName(b.Text[e[0]:e[1]], names) {
					continue // another business's representative
				}
			}
			s := sentenceAt(doc, restOff+nlo)
			if s == nil {
				continue
			}
			reps = append(reps, Representative{Title: b.Text[loc[0]:loc[1]], Name: name,
				Span: model.Span{Start: b.Span.Start + loc[0], End: restOff + nlo + len(name)}, Sentence: s})
			bareAt = -2
		}
		if bareAt >= 0 {
			bare = append(bare, model.Span{Start: b.Span.Start + bareAt, End: b.Span.End})
		}
	}
	return reps, bare
}

// mayHaveTitle is a cheap test before repTitle: every title contains one
// of these.
func mayHaveTitle(s string) bool {
	return strings.Contains(s, "代表") || strings.Contains(s, "長") || strings.Contains(s, "CEO") || strings.Contains(s, "President")
}

// onlyPlaceholder reports whether s is nothing but placeholder marks.
func onlyPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.Trim(s, "〇○●◯×△□XxＸ ") == ""
}

// personNameAt reads a person's name at the start of s (after a title):
// one or two words up to the end of the line or a delimiter.
func personNameAt(s string) (string, int) {
	if cut := nameEnd.FindStringIndex(s); cut != nil {
		s = s[:cut[0]]
	}
	lead := len(s) - len(strings.TrimLeft(s, " :"))
	s = strings.TrimSpace(s[lead:])
	fields := strings.Fields(s)
	if len(fields) >= 2 {
		if two := fields[0] + " " + fields[1]; strings.HasPrefix(s, two) && isPersonName(two) {
			return two, lead
		}
	}
	if len(fields) >= 1 && isPersonName(fields[0]) {
		return fields[0], lead
	}
	return "", 0
}
