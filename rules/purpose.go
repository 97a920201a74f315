package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

var purposeRules = []*engine.Rule{purposesRule, purposesSpecificRule}

var purposesRule = &engine.Rule{
	ID:       "appi/purposes",
	Severity: engine.Error,
	Article:  engine.Text{JA: "法17条1項・21条1項・32条1項2号", EN: "APPI Arts. 17(1), 21(1), 32(1)(ii)"},
	Title:    engine.Text{JA: "利用目的", EN: "Purposes of use"},
	Doc: engine.Text{
		JA: "個人情報の利用目的が具体的に記載されていること（「〜のため」の列挙、「〜に利用します」等）。「利用目的の範囲内で取り扱います」「取得時に示した目的」「目的を明示又は公表します」のように目的そのものを書かない記載は欠落とみなします。Cookie等で取得する情報だけの利用目的は個人情報の利用目的に当たりません。",
		EN: "The purposes for which personal information is used are stated (a list of 〜のため, or sentences such as 〜に利用します). Text that refers to purposes without saying what they are (利用目的の範囲内で取り扱います, 取得時に示した目的, 目的を明示又は公表します) is missing; purposes given only for cookie data are not purposes of personal information.",
	},
	Missing: engine.Text{
		JA: "個人情報の利用目的が記載されていません（法17条1項・21条1項・32条1項2号）。「利用目的の範囲内で取り扱う」だけでは足りません。具体的な利用目的を列挙してください。",
		EN: "The purposes of use of personal information are not stated (APPI Arts. 17(1), 21(1), 32(1)(ii)); saying it is handled within its purposes is not enough. List the concrete purposes.",
	},
	Fix: engine.Text{
		JA: "当社は、取得した個人情報を以下の目的のために利用します。\n(1) 【サービス名】の提供、本人確認及びご利用料金の請求のため\n(2) お問い合わせへの回答及びご連絡のため\n(3) 【その他の具体的な利用目的】のため",
		EN: "Add a list of the concrete purposes for which personal information is used (providing the service, answering inquiries, billing …), each specific enough that a person can foresee the use.",
	},
	Good: "当社は、お客様の個人情報を、ご注文商品の発送及びお問い合わせへの回答のために利用します。",
	Bad:  "当社は、個人情報を利用目的の範囲内で適切に取り扱います。",
	Run:  runPurposes,
}

var purposesSpecificRule = &engine.Rule{
	ID:       "appi/purposes-specific",
	Severity: engine.Warning,
	Article:  engine.Text{JA: "法17条1項、ガイドライン（通則編）3-1-1", EN: "APPI Art. 17(1); PPC General Guidelines 3-1-1"},
	Title:    engine.Text{JA: "利用目的の特定", EN: "Purposes specific enough"},
	Doc: engine.Text{
		JA: "記載された利用目的がすべて「当社の事業活動のため」「業務上必要な範囲」「その他付随する目的」のような包括的なものである場合に報告します。本人が利用の範囲を予測できる程度に具体的な目的が一つでもあれば報告しません。利用目的自体が記載されていない場合（appi/purposes違反）は対象外です。",
		EN: "Reports when every stated purpose is a catch-all (当社の事業活動のため, 業務上必要な範囲, その他付随する目的) so that a person cannot foresee how the data is used. A single concrete purpose beside the catch-all is enough; when no purpose is stated at all, appi/purposes reports instead.",
	},
	Conditional: true,
	Trigger:     engine.Text{JA: "利用目的が記載されていること", EN: "Purposes of use are stated"},
	Missing: engine.Text{
		JA: "利用目的が包括的な記載だけで、本人が利用の範囲を予測できません（法17条1項、ガイドライン通則編3-1-1）。具体的な利用目的を記載してください。",
		EN: "Only catch-all purposes are stated, so a person cannot foresee the use (APPI Art. 17(1); guidelines 3-1-1). State concrete purposes.",
	},
	Fix: engine.Text{
		JA: "当社は、取得した個人情報を以下の目的のために利用します。\n(1) 【具体的な利用目的（例：ご注文商品の発送）】のため\n(2) 【具体的な利用目的（例：新商品のご案内メールの送付）】のため\n(3) その他、上記の利用目的に付随する目的",
		EN: "Replace or supplement the catch-all with concrete purposes (what is done with the data, for which service), keeping 「その他付随する目的」 only as a complement.",
	},
	Good: "当社は、個人情報を、商品の発送、料金のご請求及び新商品のご案内のために利用します。",
	Bad:  "当社は、個人情報を当社の事業活動のために利用します。",
	Run:  runPurposesSpecific,
}

func runPurposes(p *engine.Pass) {
	ps := purposesOf(p)
	if len(ps) == 0 {
		p.Missing(purposeAnchor(p.Doc))
		return
	}
	p.OK(purposeEvidence(ps, false)...)
}

func runPurposesSpecific(p *engine.Pass) {
	ps := purposesOf(p)
	if len(ps) == 0 {
		p.NA("利用目的が記載されていません（appi/purposes で報告）")
		return
	}
	concrete := purposeEvidence(ps, true)
	if len(concrete) == len(ps) {
		p.OK() // no catch-all: nothing to weigh the concrete purposes against
		return
	}
	if len(concrete) > 0 {
		p.OK(concrete...) // concrete purposes beside the catch-all
		return
	}
	p.Report(ps[0].span, p.Rule.Missing, p.Rule.Fix.JA)
}

// purposeEvidence returns the spans of the stated purposes (only the
// concrete ones when concreteOnly).
func purposeEvidence(ps []statedPurpose, concreteOnly bool) []model.Span {
	var out []model.Span
	for _, sp := range ps {
		if concreteOnly && sp.catchAll {
			continue
		}
		out = append(out, sp.span)
	}
	return out
}

var purposeAnchorTitles = []*rx.Regexp{
	rx.MustCompile(`利用目的`),
	rx.MustCompile(`個人情報の(?:利用|取得|取扱|取り扱)`),
}

func purposeAnchor(doc *model.Document) model.Span {
	return Anchor(doc, purposeAnchorTitles...)
}

// statedPurpose is one purpose of use the policy states: a list item after
// 「以下の目的で利用します」, a table cell under 利用目的, or a sentence of the
// form 〜のために利用します.
type statedPurpose struct {
	span     model.Span
	text     string
	catchAll bool
}

var (
	// Sections whose purposes are not purposes of personal information of
	// the operator: cookie and tag data, joint users, processed data.
	excludedScopeTitle  = rx.MustCompile(`(?i)cookie|クッキー|ウェブビーコン|web\s*beacon|アクセス解析|解析ツール|外部送信|情報収集モジュール|広告(?:配信|識別子)|sdk|タグ|ピクセル|google|共同(?:して)?利用|匿名加工|仮名加工`)
	personalInformation = rx.MustCompile(`個人情報|個人データ|パーソナルデータ`)
	cookieWords         = rx.MustCompile(`(?i)cookie|クッキー|ウェブビーコン|web\s*beacon|タグ|ピクセル|sdk`)
	personalDataWords   = rx.MustCompile(`個人情報|個人データ|パーソナルデータ|(?:お客様|お客さま|利用者|ユーザー?|会員|ご本人|本人|応募者|従業者|従業員|お取引先)(?:の|に関する|から(?:ご提供|提供|取得)[^。]{0,10})?(?:情報|データ)|(?:取得|収集|ご提供いただいた|提供された|お預かりした)(?:した)?(?:情報|データ)|(?:これら|上記|当該)の情報|氏名|メールアドレス|位置情報`)

	// A title that opens the purposes: 利用目的, 個人情報の利用目的について.
	purposeTitleWord    = rx.MustCompile(`(?:目的|用途)(?:について|等|に(?:ついて|関して|関する事項)|(?:と|及び|および)[^。、]{0,8})?[)）]?$`)
	purposeTitleExclude = rx.MustCompile(`通知|変更|範囲|目的外|以外|制限|特定|明示|公表|達成|共同|第三者|委託|提供先|開示|停止|定め|示す|示した|付随|附随|関連|個別|各`)
	// A sentence that introduces a list of purposes: 以下の目的で利用します,
	// 利用目的は次のとおりです.
	purposeIntro = rx.MustCompile(`(?:以下|次|下記|後記|別表)(?:の|に(?:記載|掲げる|定める|示す|列挙)(?:する|した)?の?)\s*(?:各)?(?:利用)?目的|(?:利用)?目的(?:は|として)[、,]?\s*(?:以下|次|下記)(?:の|に)|(?:以下|次|下記)の(?:とおり|通り|業務|用途|事項)[^。]{0,20}(?:利用|使用)(?:します|いたします|致します|させて)`)
	// Inside a list of purposes, a line that leads into more items
	// (以上の製品に関する、下記に掲げる事業活動).
	listLead        = rx.MustCompile(`(?:以下|次|下記)(?:の|に(?:記載|掲げる|定める|示す|列挙)(?:する|した)?の?)[^。]{0,12}$`)
	notTheseTargets = rx.MustCompile(`目的(?:の範囲)?(?:以外|外)`)

	// Text that refers to purposes without stating them.
	purposeReference = rx.MustCompile(`(?:以下|上記|前記|本ポリシー)に(?:定め|記載|規定|掲げ)(?:の|る)?(?:ない|無い)目的|目的の範囲|範囲内|目的以外|目的外|(?:示し|提示し|明示し|公表し|通知し|お伝えし|定め)た(?:利用)?目的|明示(?:又は|または|もしくは|・)?公表|通知(?:又は|または|もしくは|・)?公表|目的を(?:明確|特定|明示|変更|通知|公表)|目的の達成に必要|(?:利用)?目的は(?:以下|次|下記)|(?:以下|次|下記)の(?:利用)?目的`)

	// 〜のため / 〜を目的として / 〜の目的で, followed by a use of the data.
	purposeMarker = rx.MustCompile(`(?:ため|為)(?:に)?|を目的(?:として|とし|に)|目的(?:で|に)(?:のみ)?(?:に)?`)
	useVerb       = rx.MustCompile(`(?:利用|使用|活用|取得|収集|処理|分析)(?:し|す|さ|いた|致|させ)|用い|取り?扱(?:い|う|わ)|役立て`)
	// 「…データを、お手続き、カスタマーサポートに利用します」.
	useFor = rx.MustCompile(`(?:を|は)[、,]?\s*([^。をは]{2,80}?)に(?:利用|使用|活用)(?:し|す|いた|致|させ|され)`)
	// 「適切に利用します」: an adverb, not a purpose.
	adverbOnly = rx.MustCompile(`^(?:(?:適切|適正|安全|正確|慎重|厳重|公正|有効|円滑|確実|迅速|的確|誠実|十分|主|専ら|最小限|必要最小限|適法|合法|正当|大切|丁寧)(?:かつ|且つ|及び|および|・|、)?)+$`)
	// 「利用目的：商品の発送、アフターサービス」: a labelled line.
	purposeLabelLine = rx.MustCompile(`^(?:個人情報の|当社の)?(?:利用|使用)?(?:目的|用途)\s*[:：]\s*(\S.*)$`)
	// The data as the object of the verb: 「個人情報を」「取得した情報を、」.
	dataObject = rx.MustCompile(`(?:情報|データ)を[、,]?\s*`)
	// A list item that is a purpose by its form: 〜のため.
	purposeItemForm = rx.MustCompile(`(?:ため|為)(?:に)?(?:利用(?:します|いたします))?[。.]?$`)

	enumeratorPrefix = rx.MustCompile(`^\s*(?:#+\s*|[-*+]\s+|[・•●○◆◇■□▪▶►※]\s*|\(\s*\d{1,2}\s*\)\s*|\d{1,2}\s*[.)、]\s*|\d{1,2}(?:-\d{1,2})?\s+|[①-⑳]\s*|[a-zA-Z]\s*[.)]\s*|[<〈《]\s*\d{1,2}\s*[>〉》]\s*|\(\s*[a-zA-Zア-ン一二三四五六七八九十イロハニホヘト]\s*\)\s*|[ア-ン][.、]\s*|第\s*\d{1,3}\s*条(?:の\d+)?\s*|[IVXⅠ-Ⅹ]+[.-]\s*)+`)
	tableHeaderCell  = rx.MustCompile(`^[^|]{0,20}?(?:利用|使用)?の?目的$`)
	// The title of a section on another topic (個人情報の委託について, 開示等の請求手続き).
	topicTitle = rx.MustCompile(`(?:について|に関して|手続き?|窓口|(?:申出|問い?合わ?せ|連絡)先|の取扱い|の取り扱い|の管理|の安全管理|の第三者提供|の委託|の共同利用|の開示(?:等)?|の改定|の変更)$`)
	// A label that groups the purposes by whose data they concern
	// (1.お客様に関する個人情報), not a purpose itself.
	subjectGroupLabel = rx.MustCompile(`(?:に関する|の)(?:個人情報|情報|個人データ)(?:について)?$`)
)

// catchAllPatterns are purposes so broad that a person cannot foresee the
// use (guidelines 3-1-1: 「事業活動に用いるため」「マーケティング活動に用いるため」).
var catchAllPatterns = []*rx.Regexp{
	rx.MustCompile(`^(?:その他)?[、,]?\s*(?:上記|前各号|前記|前号|これら|以上)(?:の|各号の?)?(?:各)?(?:利用)?(?:目的|業務|事項|項目)?(?:の達成)?に(?:付随|附随|関連|関係|付帯|附帯)(?:する|した)`),
	rx.MustCompile(`^その他(?:の)?(?:目的|業務)?$`),
	rx.MustCompile(`^(?:当社|弊社|当会|当法人|当事務所)?の?(?:事業活動|事業|業務)(?:全般)?(?:の?(?:遂行|運営|実施))?(?:上|に)?(?:必要な|用いる|関連する|関する)?(?:範囲|目的|業務|活動)?(?:で|において|内)?$`),
	rx.MustCompile(`^(?:当社の)?マーケティング(?:活動)?(?:に用いる|に利用する)?$`),
	rx.MustCompile(`^(?:お客様|お客さま|利用者|ユーザー)?(?:へ)?の?サービス(?:の)?向上$`),
	rx.MustCompile(`(?:個別に|別途|各サービス(?:ごと|毎)に|サービスごとに)(?:定める|定めた|通知する|明示する|示す|表示する|掲げる)(?:利用)?目的`),
	rx.MustCompile(`(?:上記|前各号|前記)(?:に(?:規定|記載|定め)の(?:ない|無い)|以外の)目的`),
	rx.MustCompile(`正当な(?:目的|業務|理由)`),
}

// isCatchAll reports whether a stated purpose is a catch-all.
func isCatchAll(text string) bool {
	t := strings.TrimSpace(enumeratorPrefix.ReplaceAllString(text, ""))
	t = strings.TrimRight(t, "。. ")
	for _, suf := range []string{"のために", "のため", "ために", "ため", "等", "など"} {
		t = strings.TrimSuffix(t, suf)
	}
	t = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(t, "その他"), "、"))
	if t == "" {
		return true
	}
	for _, re := range catchAllPatterns {
		if re.MatchString(t) {
			return true
		}
	}
	return false
}

// purposeRun follows a list of purposes from the title or sentence that
// opens it until the text moves on to another topic.
type purposeRun struct {
	open       bool
	style      string // the enumerator shape of the title (第N条, N., ●)
	level      int    // the title's heading level, 0 when it is not a heading
	sawIntro   bool   // a sentence promised a list (以下の目的で…)
	enumerated bool   // items so far carried enumerators
	items      int
}

// statedPurposes finds the purposes of use the policy states, in order.
// statedPurposesKey is the Memo key of the document's stated purposes.
type statedPurposesKey struct{}

// purposesOf returns the stated purposes, found once per document for both
// purpose rules.
func purposesOf(p *engine.Pass) []statedPurpose {
	return p.Memo(statedPurposesKey{}, func() any { return statedPurposes(p.Doc, titlesOf(p)) }).([]statedPurpose)
}

func statedPurposes(doc *model.Document, titles facts.TitleMemo) []statedPurpose {
	var out []statedPurpose
	strip := enumStripper{}
	add := func(sp model.Span, text string) {
		out = append(out, statedPurpose{span: sp, text: text, catchAll: isCatchAll(text)})
	}
	var run purposeRun
	var tableCol = -1 // the 利用目的 column of the current table
	for _, b := range doc.Blocks {
		ss := doc.SentencesOf(b)
		if len(ss) == 0 {
			continue
		}
		if b.Kind != model.TableRow {
			tableCol = -1
		}
		if inExcludedScope(titles, b) {
			if run.open && titleLike(b, ss) {
				run.open = false
			}
			continue
		}
		if isPurposeTitle(strip, b, ss) && !(run.open && run.sawIntro && run.items == 0) {
			run = purposeRun{open: true, style: enumStyle(b.Text)}
			if b.Kind == model.Heading {
				run.level = b.Level
			}
			continue
		}
		if b.Kind == model.TableRow {
			if col, ok := purposeCells(doc, b, &tableCol); ok {
				for _, c := range col {
					add(c, doc.Slice(c))
				}
				continue
			}
		}
		if run.open && run.endsAt(strip, b, ss) {
			run.open = false
		}
		for _, s := range ss {
			if isPurposeIntro(s) || run.open && listLead.MatchString(s.Text) {
				if !run.open {
					run = purposeRun{open: true}
				}
				run.sawIntro = true
				// 「以下の目的で利用します：(1)商品の発送、(2)…」 lists them inline.
				if sp, text, ok := inlineList(strip, s); ok {
					add(sp, text)
					run.items++
				}
				continue
			}
			if run.open && itemLike(b, ss) {
				if text, ok := purposeItem(strip, s); ok {
					add(s.Span, text)
					run.items++
					run.enumerated = run.enumerated || enumerated(b)
				}
				continue
			}
			if text, ok := labelledPurpose(strip, s); ok {
				add(s.Span, text)
				continue
			}
			for _, t := range sentencePurposes(strip, s) {
				add(s.Span, t)
			}
			if !run.open && enumerated(b) {
				if text, ok := purposeByForm(strip, s); ok {
					add(s.Span, text)
				}
			}
		}
	}
	return out
}

// endsAt reports whether block b leaves the list of purposes: a heading at
// the title's level, a sibling of the title (same enumerator), or an
// unnumbered title after numbered items. A heading that groups the purposes
// by data subject (1.お客様に関する個人情報) does not end a list that has
// not started yet.
func (r *purposeRun) endsAt(strip enumStripper, b *model.Block, ss []*model.Sentence) bool {
	if looksLikePurpose(strip, ss) || listLead.MatchString(ss[len(ss)-1].Text) {
		return false
	}
	if r.sawIntro && r.items == 0 && subjectGroupLabel.MatchString(strip.strip(ss[0].Text)) {
		return false // 1.お客様に関する個人情報: a group heading before the items
	}
	if r.level > 0 {
		// The title is a heading: its section is the list.
		return b.Kind == model.Heading && b.Level <= r.level || r.style != "" && enumStyle(b.Text) == r.style
	}
	switch {
	case r.style != "" && enumStyle(b.Text) == r.style:
		return true
	case b.Kind == model.Heading && !enumerated(b):
		return true
	case titleLike(b, ss) && !enumerated(b) && topicTitle.MatchString(strip.strip(ss[0].Text)):
		return true
	case titleLike(b, ss) && !enumerated(b) && (!r.sawIntro || r.enumerated):
		return true
	}
	return false
}

func inExcludedScope(titles facts.TitleMemo, b *model.Block) bool {
	return titles.Under(b.Section, excludedScopeTitle) || b.Kind == model.Heading && excludedScopeTitle.MatchString(b.Text)
}

// titleLike reports whether a block reads as a title: a heading, or one
// short line without sentence punctuation.
func titleLike(b *model.Block, ss []*model.Sentence) bool {
	if b.Kind == model.Heading {
		return true
	}
	if b.Kind == model.TableRow || len(ss) != 1 {
		return false
	}
	t := strings.TrimSpace(b.Text)
	return !strings.Contains(t, "。") && utf8.RuneCountInString(t) <= 40
}

func isPurposeTitle(strip enumStripper, b *model.Block, ss []*model.Sentence) bool {
	if !titleLike(b, ss) {
		return false
	}
	t := strip.strip(b.Text)
	return purposeTitleWord.MatchString(t) && !purposeTitleExclude.MatchString(t) && !purposeItemForm.MatchString(t) && utf8.RuneCountInString(t) <= 30
}

func isPurposeIntro(s *model.Sentence) bool {
	loc := purposeIntro.FindStringIndex(s.Text)
	if loc == nil || notTheseTargets.MatchString(s.Text) {
		return false
	}
	c := s.ClauseAt(s.Span.Start + loc[0])
	return c == nil || !c.Negated && !c.Conditional
}

// inlineListStart is where an introducing sentence goes on to list its
// purposes itself: after a colon or at the first enumerator.
var inlineListStart = rx.MustCompile(`[:：]\s*|\(\s*1\s*\)|①|1\s*[.)]`)

func inlineList(strip enumStripper, s *model.Sentence) (model.Span, string, bool) {
	loc := purposeIntro.FindStringIndex(s.Text)
	if loc == nil {
		return model.Span{}, "", false
	}
	rest := s.Text[loc[1]:]
	m := inlineListStart.FindStringIndex(rest)
	if m == nil {
		return model.Span{}, "", false
	}
	start := loc[1] + m[0]
	text := strings.TrimRight(strip.strip(strings.TrimLeft(s.Text[start:], ":： ")), "。")
	if utf8.RuneCountInString(text) < 3 || !hasLetters(text) || purposeReference.MatchString(text) {
		return model.Span{}, "", false
	}
	return model.Span{Start: s.Span.Start + start, End: s.Span.End}, text, true
}

// itemLike reports whether a block can be one purpose of a list: a list
// item, a numbered or short line, a table row; not a paragraph of prose.
func itemLike(b *model.Block, ss []*model.Sentence) bool {
	if b.Kind == model.TableRow {
		return false // only its 利用目的 cells (purposeCells)
	}
	if b.Kind == model.ListItem || b.Kind == model.Heading || enumerated(b) {
		return true
	}
	return len(ss) == 1 && !strings.Contains(ss[0].Text, "。") && utf8.RuneCountInString(ss[0].Text) <= 80
}

// purposeItem reads a list item as a purpose: not a reference to purposes
// stated elsewhere, not a condition or a negation.
func purposeItem(strip enumStripper, s *model.Sentence) (string, bool) {
	text := strip.strip(s.Text)
	if utf8.RuneCountInString(text) < 2 || !hasLetters(text) {
		return "", false
	}
	if purposeReference.MatchString(text) && !purposeItemForm.MatchString(text) || subjectGroupLabel.MatchString(text) {
		return "", false
	}
	if cookieWords.MatchString(text) && !personalDataWords.MatchString(text) {
		return "", false
	}
	if n := len(s.Clauses); n > 0 && (s.Clauses[n-1].Negated || s.Clauses[n-1].Conditional) {
		return "", false
	}
	return text, true
}

// purposeByForm reads a numbered line outside any list of purposes as a
// purpose when its form says so (〜のため).
func purposeByForm(strip enumStripper, s *model.Sentence) (string, bool) {
	text := strip.strip(s.Text)
	if !purposeItemForm.MatchString(text) || utf8.RuneCountInString(text) < 5 {
		return "", false
	}
	return purposeItem(strip, s)
}

// useVerbReach bounds the distance from 〜のため to the verb of use it
// qualifies: further away, the verb belongs to another predicate.
const useVerbReach = 30

// sentencePurposes reads purposes stated in a sentence: 〜のために利用します,
// 〜を目的として取得します, 〜に利用します.
func sentencePurposes(strip enumStripper, s *model.Sentence) []string {
	text := s.Text
	if !personalDataWords.MatchString(text) {
		return nil
	}
	if cookieWords.MatchString(text) && !personalInformation.MatchString(text) {
		return nil
	}
	var out []string
	for _, loc := range purposeMarker.FindAllStringIndex(text, -1) {
		after := text[loc[1]:]
		v := useVerb.FindStringIndex(after)
		if v == nil || utf8.RuneCountInString(after[:v[0]]) > useVerbReach || !affirmedAt(s, s.Span.Start+loc[1]+v[0]) || !affirmedAt(s, s.Span.Start+loc[0]) {
			continue
		}
		phrase := purposePhrase(strip, text[:loc[0]])
		if phrase == "" || purposeReference.MatchString(phrase) || strings.Contains(phrase, "目的") {
			continue
		}
		out = append(out, phrase)
	}
	for _, m := range useFor.FindAllStringSubmatchIndex(text, -1) {
		phrase := strings.TrimSpace(text[m[2]:m[3]])
		if purposeReference.MatchString(phrase) || strings.HasSuffix(phrase, "目的") || !affirmedAt(s, s.Span.Start+m[1]-1) || !hasLetters(phrase) {
			continue
		}
		if strings.HasSuffix(phrase, "限り") || strings.HasSuffix(phrase, "場合") || strings.HasSuffix(phrase, "際") || adverbOnly.MatchString(phrase) {
			continue
		}
		out = append(out, phrase)
	}
	return out
}

// labelledPurpose reads a line such as 「利用目的：商品の発送、アフターサービス」.
func labelledPurpose(strip enumStripper, s *model.Sentence) (string, bool) {
	m := purposeLabelLine.FindStringSubmatch(strip.strip(s.Text))
	if m == nil || purposeReference.MatchString(m[1]) || !hasLetters(m[1]) {
		return "", false
	}
	return m[1], true
}

// purposePhrase is the purpose before a marker: back to the previous comma
// or topic (当社は、), and long enough to say something.
func purposePhrase(strip enumStripper, before string) string {
	p := before
	for _, sep := range []string{"、", ",", "。", "は", "も"} {
		if i := strings.LastIndex(p, sep); i >= 0 {
			p = p[i+len(sep):]
		}
	}
	if loc := dataObject.FindAllStringIndex(p, -1); len(loc) > 0 {
		p = p[loc[len(loc)-1][1]:] // 個人情報を当社の事業活動 → 当社の事業活動
	}
	p = strings.TrimSpace(strip.strip(p))
	p = strings.TrimSuffix(p, "の")
	if utf8.RuneCountInString(p) < 3 || strings.HasSuffix(p, "その") || strings.HasSuffix(p, "この") || !hasLetters(p) {
		return ""
	}
	return p
}

func affirmedAt(s *model.Sentence, off int) bool {
	c := s.ClauseAt(off)
	return c == nil || !c.Negated && !c.Conditional
}

// purposeCells returns the purpose cells of a table row: the cell after a
// 利用目的 label (利用目的 | お問い合わせへのご連絡のため), or the cell in the
// 利用目的 column of a table whose header row named it.
func purposeCells(doc *model.Document, b *model.Block, col *int) ([]model.Span, bool) {
	cells := b.Cells
	for i, c := range cells {
		if tableHeaderCell.MatchString(strings.TrimSpace(doc.Slice(c))) {
			if i+1 < len(cells) && i == 0 {
				v := cells[i+1]
				if t := strings.TrimSpace(doc.Slice(v)); t != "" && !purposeReference.MatchString(t) && hasLetters(t) {
					return []model.Span{v}, true
				}
				return nil, true
			}
			*col = i // a header row
			return nil, true
		}
	}
	if *col >= 0 && *col < len(cells) {
		v := cells[*col]
		if t := strings.TrimSpace(doc.Slice(v)); t != "" && !purposeReference.MatchString(t) && hasLetters(t) {
			return []model.Span{v}, true
		}
	}
	return nil, false
}

func enumerated(b *model.Block) bool {
	if b.Kind == model.ListItem || b.Kind == model.TableRow {
		return true
	}
	return enumStyle(b.Text) != ""
}

// enumStyle is the shape of a block's enumerator (第N条, (N), N., ●), so
// that siblings can be recognised; empty when the block has none.
func enumStyle(text string) string {
	loc := enumeratorPrefix.FindStringIndex(text)
	if loc == nil {
		return ""
	}
	var b strings.Builder
	for _, r := range strings.TrimSpace(text[:loc[1]]) {
		switch {
		case r >= '0' && r <= '9':
			if !strings.HasSuffix(b.String(), "N") {
				b.WriteRune('N')
			}
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			b.WriteRune('a')
		case r >= '①' && r <= '⑳':
			b.WriteRune('①')
		case r == ' ' || r == '#':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// enumStripper remembers the texts it stripped of their list markers: one
// sentence is read as a title, an item and a labelled line in turn.
type enumStripper map[string]string

func (m enumStripper) strip(text string) string {
	t, ok := m[text]
	if !ok {
		t = stripEnumerator(text)
		m[text] = t
	}
	return t
}

func stripEnumerator(text string) string {
	return strings.TrimSpace(enumeratorPrefix.ReplaceAllString(text, ""))
}

// looksLikePurpose reports whether a block's text has the form of a purpose.
func looksLikePurpose(strip enumStripper, ss []*model.Sentence) bool {
	return len(ss) > 0 && purposeItemForm.MatchString(strip.strip(ss[0].Text))
}

// hasLetters reports whether s has any Japanese or Latin letters.
func hasLetters(s string) bool {
	for _, r := range s {
		if r >= 0x3040 || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}
