package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Joint use (法27条5項3号): whether the operator declares it, and which of
// the items the law requires it to state the policy states.
//
// A declaration is a sentence in which the operator says it does or may
// jointly use personal data (共同利用します／共同で利用させていただく場合が
// あります), or a section about joint use that lists the items. A statute
// paraphrase ("…共同して利用する場合であって…置いているとき"), a negation
// (共同利用は行っていません) and a statement whose subject is another
// business (a group policy quoted inside) are not.
//
// The items are read from labels (共同して利用する者の範囲：…, 【利用する者の
// 利用目的】 followed by a list, table rows) and from the declaring sentence
// itself (氏名、住所を当社の子会社と共同利用します). A label inside a
// promise to publish the items later states nothing.

// JointUseItem is one of the items 法27条5項3号 requires.
type JointUseItem int

// The items, in the order of the statute.
const (
	JointItems   JointUseItem = iota // 共同して利用される個人データの項目
	JointScope                       // 共同して利用する者の範囲
	JointPurpose                     // 利用する者の利用目的
	JointManager                     // 管理について責任を有する者の氏名又は名称
)

// JointStatement is one statement of an item: the value the policy gives
// and the sentences that give it (the evidence).
type JointStatement struct {
	Value     string
	Span      model.Span
	Sentences []*model.Sentence
}

// JointUse is what the policy says about joint use (法27条5項3号).
type JointUse struct {
	// Declared is true when the operator says it does or may jointly use
	// personal data.
	Declared bool
	// Triggers are the declaring sentences (or the heading of a joint-use
	// section whose content lists the items).
	Triggers []*model.Sentence
	// Sections are the sections whose title is about joint use.
	Sections []*model.Section
	// Promises are sentences that promise to publish the items later
	// (…についてあらかじめ公表いたします) instead of stating them.
	Promises []*model.Sentence

	// Items, Scope, Purpose and Manager are the statements that satisfy
	// the item: concrete data items, a definable scope, purposes, a named
	// manager.
	Items, Scope, Purpose, Manager []JointStatement
	// VagueItems and VagueScope are statements of the item that are too
	// vague to satisfy it (お客様の個人情報, 提携先), for messages.
	VagueItems, VagueScope []JointStatement

	// ManagerIsOperator is true when the manager named is the operator
	// itself (当社, or the operator's own name).
	ManagerIsOperator bool
	// ManagerIndividual is true when the manager named is a natural person,
	// who has no representative.
	ManagerIndividual bool
	// ManagerAddress and ManagerRepresentative are the manager's address
	// and representative's name as stated with the manager, or, when the
	// manager is the operator, the operator's own stated elsewhere.
	ManagerAddress, ManagerRepresentative []JointStatement
}

var (
	// jointWord finds a mention of joint use; the text after it decides
	// whether it is the predicate that declares it.
	// The data may stand between: グループ会社と共同でお客様の個人情報を利用.
	jointWord = rx.MustCompile(`共同(?:して|で)?利用|共同(?:して|で)[^、。を]{0,15}?(?:個人情報|個人データ|パーソナルデータ|情報|データ)を利用`)
	// jointVerb is what follows 共同利用 when it is a verb or the object
	// of one (共同利用します, 共同利用を行います, 共同で利用させていただく).
	jointVerb = rx.MustCompile(`^(?:を|も)?(?:行|実施|実行)?[\p{Hiragana}]*`)
	// jointVerbStart: the hiragana after 共同利用 begins a verb, not a particle
	// that makes it a noun (共同利用について, 共同利用の範囲).
	jointVerbStart = rx.MustCompile(`^(?:し|す|さ|いた|致|でき|を|も)`)
	// jointDeclaredAfter is what may follow the verb when it is the predicate:
	// the end of the clause, or 場合が／ことが あります.
	jointDeclaredAfter = rx.MustCompile(`^(?:$|[。、,)」\s]|(?:場合|こと|事)(?:が|も))`)
	// jointNegatedAfter is a negation right after 共同利用.
	jointNegatedAfter = rx.MustCompile(`^[^。、|\t]{0,12}?(?:ません|しない|ない(?:$|[ |\t。])|(?:こと|事)は(?:ありません|ございません))`)
	// jointMayHappen closes a list of cases that may happen: 共同利用する場合及び
	// …委託する場合があります.
	jointMayHappen = rx.MustCompile(`^場合(?:及び|および|並びに|ならびに|や|、|又は|または)[^。]*場合(?:が|も)(?:あり|ござい)`)
	// jointParticleStart and jointPredicate mark the rest of a sentence after a term.
	jointParticleStart = rx.MustCompile(`^(?:を|に|は|が|の|と|も|へ|で|や|等|など|、|及び|および|並びに|又は|または)`)
	jointPredicate     = rx.MustCompile(`ます|する|した|れる|ない|ません|こと`)
	// jointScopeSplit separates the parties of a scope.
	jointScopeSplit = rx.MustCompile(`、|,|及び|および|並びに|ならびに|と|・|\n`)
	// jointParenthetical is a note in brackets after a name (山田 太郎（住所…）).
	jointParenthetical = rx.MustCompile(`\([^)]*\)`)
	// jointQuotedTitle marks a quoted text; jointPolicyTitle a policy's title.
	jointQuotedTitle = rx.MustCompile(`参考|引用|抜粋|転載`)
	jointPolicyTitle = rx.MustCompile(`ポリシー|方針|規約|規程`)
	// jointAboutData: a declaration outside a joint-use section must be about
	// data (共同利用 is also the shared use of a facility), or introduce
	// the list of items (以下のとおり共同利用します).
	jointAboutData = rx.MustCompile(`個人|情報|データ|以下|次の|下記`)
	// jointTitle is the title of a section about joint use.
	jointTitle = rx.MustCompile(`共同(?:して|で)?利用`)

	// jointSubjectAtStart is the topic or subject that opens a sentence.
	jointSubjectAtStart = rx.MustCompile(`^([^、。「」()]{1,30}?)(?:は|では|が)、`)
	// jointOwnSubject refers to the operator (当社, 弊社, 当方, 私たち…) or is
	// no subject at all (この場合, なお).
	jointOwnSubject = rx.MustCompile(`当|弊|本|私|わたし|我|わが|われわれ|この場合|なお|ただし|但し|また|その際|上記|前記|下記|以下|次`)
	// jointPersonWords are subjects that are not businesses (お客様は、…).
	jointPersonWords = rx.MustCompile(`お客|客様|ユーザ|利用者|会員|本人|個人|データ|情報|皆様|みなさま`)
	// jointOtherBusiness marks a subject that names a business: a katakana or
	// Latin name, a group or a legal form.
	jointOtherBusiness = rx.MustCompile(`[\p{Katakana}ー]{2,}|[A-Za-z]{2,}|グループ|各社|会社|法人|Inc|LLC|Ltd`)

	// jointListMarker is the list or heading marker that opens a line.
	jointListMarker = rx.MustCompile(`^[\s#>*・\-–—●○■□◆◇▪•※◎★☆]*(?:(?:第\d+条|[0-9]+(?:[-.][0-9]+)*[.)．]?|\(\d+\)|[①-⑳]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+(?:-\d+)?[.．]?|[a-zA-Z][.)]|\([a-zA-Z]\)|[一二三四五六七八九十]+[、.．])\s*)?[\s*【\[<＜「『]*`)
	// jointLabelClose closes a bracketed label (【…】, **…**).
	jointLabelClose = rx.MustCompile(`^[\s*】\]>＞」』]*`)
	// jointLabelSep separates a label from a value on the same line.
	jointLabelSep = rx.MustCompile(`^(?:[:\t|]|は、?|については、?|につきましては、?|として、?|\s)\s*`)
	// jointPointer says the value follows (次のとおりです).
	jointPointer = rx.MustCompile(`^(?:次|以下|下記)(?:の|に)?(?:とおり|通り|記載|掲げる|もの)|^$`)
	// jointValueEnd trims the copula closing a value (…です。).
	jointValueEnd = rx.MustCompile(`(?:です|となります|とします|といたします|であります|でございます|になります|を指します|をいいます|とさせていただきます)?[。\s]*$`)
	// jointManagerLabelTail is the rest of the statutory manager label (の氏名
	// 又は名称及び住所並びに法人にあっては、その代表者の氏名).
	jointManagerLabelTail = rx.MustCompile(`^(?:(?:の|及び|および|並びに|ならびに|又は|または|もしくは|、|,|・|その|法人にあっては|法人の場合は|氏名|名称|住所|所在地|代表者|連絡先|等)\s*)*`)

	// Distinctive labels: they name a joint-use item wherever they stand.
	jointScopeLabel   = rx.MustCompile(`^(?:共同(?:して|で)?利用(?:する|を行う)?者の?範囲|共同利用者(?:の範囲)?|共同利用先(?:の範囲)?|共同利用の(?:範囲|相手方?)|共同して利用する者)`)
	jointItemsLabel   = rx.MustCompile(`^(?:当該)?(?:共同(?:して|で)?利用(?:する|される|を行う)?(?:個人(?:データ|情報)|パーソナルデータ|データ|情報)(?:の(?:項目|種類|内容)|項目)?|共同利用(?:の)?(?:対象となる)?(?:個人(?:データ|情報)の)?(?:項目|対象(?:情報|項目|データ)?))`)
	jointPurposeLabel = rx.MustCompile(`^(?:(?:共同(?:して|で)?)?利用する者の利用目的|共同利用(?:する|の)?(?:利用)?目的|共同利用者の利用目的)`)
	jointManagerLabel = rx.MustCompile(`^(?:共同(?:して|で)?利用(?:における|に係る|に関する|の|する|される)?)?(?:当該)?(?:個人(?:データ|情報)の)?(?:管理(?:について|に関して|に関する)?(?:の)?責任を有する者|管理責任を有する者|責任を有する者)`)
	// Generic labels: only inside a joint-use section or after a
	// declaration do they name a joint-use item.
	jointGenericScopeLabel   = rx.MustCompile(`^(?:(?:共同)?利用する者の範囲|範囲|共同利用者)`)
	jointGenericItemsLabel   = rx.MustCompile(`^(?:対象となる|提供する|利用する|共同利用する)?(?:個人(?:データ|情報)|パーソナルデータ|データ|情報)?の?(?:項目|種類)`)
	jointGenericPurposeLabel = rx.MustCompile(`^(?:主な|主たる)?(?:利用|共同利用の)?目的`)
	jointGenericManagerLabel = rx.MustCompile(`^(?:共同利用(?:における|に係る|に関する|の))?(?:個人(?:データ|情報)の)?(?:管理責任者|管理者|責任者)`)
	// jointTableHeader is the header cell of a two-column table.
	jointTableHeader = rx.MustCompile(`^(?:内容|説明|詳細|記載事項|事項)$`)

	// jointConcreteData names kinds of personal data concretely.
	jointConcreteData = rx.MustCompile(`氏名|名前|住所|所在地|電話|メール|生年月日|性別|年齢|職業|勤務先|会社名|所属|役職|購入|購買|履歴|契約|決済|クレジット|カード|口座|ID|アカウント|家族|写真|画像|位置情報|端末|Cookie|クッキー|IPアドレス|閲覧|属性|連絡先|問い?合わ?せ(?:の)?内容|申込|配送先|請求|取引|支払|利用状況|趣味|嗜好|アンケート|顧客番号|会員番号|保険|健康`)
	// jointDataReference points to a concrete list elsewhere in the policy.
	jointDataReference = rx.MustCompile(`「[^」]{1,40}」(?:に|で|の|と)?(?:記載|記述|掲げ|定め|列挙|示し|同じ|同様)|(?:上記|前記|第\d+(?:条|項)|前項|前条|本ポリシー)[^、。]{0,20}(?:記載|掲げ|定め|取得|収集|示)|[0-9]+\.[^、。]{0,20}(?:に)?記載`)
	// jointLegalEntity finds a business named with its legal form.
	jointLegalEntity = rx.MustCompile(`株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|特定非営利活動法人|NPO法人|医療法人|学校法人|社会福祉法人|協同組合|\(株\)|㈱|[A-Za-z][A-Za-z0-9&.\- ]*(?:Inc\.?|LLC|Ltd\.?|Limited|Corporation|Corp\.|K\.K\.|GmbH)`)
	// jointDefinableGroup is a group a person can tell the members of: the
	// operator's or a named group's companies.
	jointDefinableGroup = rx.MustCompile(`グループ(?:会社|各社|企業|内)|子会社|関連会社|関係会社|親会社`)
	// jointVagueParties are partners a person cannot identify.
	jointVagueParties = rx.MustCompile(`提携先|提携会社|提携企業|パートナー|代理店|取引先|協力会社|協力企業|業務委託先|委託先|加盟店|共同利用会社|第三者|関係者|事業者`)
	// jointListLink gives the scope as a list elsewhere.
	jointListLink = rx.MustCompile(`一覧|別表|別紙|https?://|こちら|リンク`)
	// jointOwnReference is the operator's own short name in a value.
	jointOwnReference = rx.MustCompile(`当社|弊社|当方|当法人|当会|当組合|当協会|当団体|当店|当院|当事務所|当グループ`)
	// jointPurposeWords make a value a purpose.
	jointPurposeWords = rx.MustCompile(`ため|目的|提供|案内|対応|実施|管理|分析|開発|発送|連絡|販売|配信|研究|改善|確認|運営|サポート|記載|同じ|同様`)
	// jointInlineScope is the party joint use is declared with: X と共同利用.
	jointInlineScope = rx.MustCompile(`(?:との間で|との間において|と)、?(?:[^。]{0,40}?を)?、?共同(?:して|で)?利用`)
	// jointInlineObject is what is jointly used: X を共同利用.
	jointInlineObject = rx.MustCompile(`を、?(?:[^、。を]{0,40}(?:と|との間で)、?)?共同(?:して|で)?利用`)
	// jointInlinePurpose is the purpose stated in the declaration: …のため.
	jointInlinePurpose = rx.MustCompile(`([^、。]{4,60})(?:のため(?:に)?|を目的として|の目的で)`)
	// jointClauseCut ends the phrase that precedes an inline value.
	jointClauseCut = rx.MustCompile(`^.*(?:は、|を、?|ため、|にあたり、|あたって、|において、|により、|に関し、|ので、|ただし、|但し、|範囲内で、?|範囲で、?)`)
	// jointManagerSentence states the manager in running text (当社が管理に
	// ついて責任を有します, 当社が責任をもって管理します).
	jointManagerSentence = rx.MustCompile(`([^、。]{1,40}?)(?:が|は)、?[^。]{0,20}?(?:管理(?:について|に関して|に関する)?(?:の)?責任を(?:有|負)|責任を(?:もって|持って)(?:管理|取り扱))`)
	// jointManagerRep is a representative's title and the name after it.
	jointManagerRep = rx.MustCompile(`(?:` + jointRepTitles + `)(?:\s*(?:社長|会長|CEO|執行役員|兼|名|氏名|の氏名))*[\s:]*([^\s、。,()\t|]{1,10}(?: [^\s、。,()\t|]{1,6})?)`)
	// jointBlankRep is a representative's title with a 【…】 blank where the
	// name goes (代表者：【代表者の役職・氏名】, 代表者：代表取締役 【氏名】).
	jointBlankRep = rx.MustCompile(`(?:` + jointRepTitles + `)(?:\s*(?:社長|会長|CEO|執行役員|兼|名|氏名|の氏名))*[\s:]*(?:(?:` + jointRepTitles + `)\s*)?` + PlaceholderValue)
	// jointPromiseWord marks a promise to publish the items.
	jointPromiseWord = rx.MustCompile(`公表|通知|掲載|明示|お知らせ|容易に知り得る`)
)

// jointRepTitles are the titles a representative's name follows.
const jointRepTitles = `代表取締役|代表執行役|代表社員|代表理事|理事長|代表者|代表|社長|CEO`

// jointLabel is an item label recognised at the start of a sentence.
type jointLabel struct {
	item     JointUseItem
	sentence *model.Sentence
	// value is the value on the same line (empty: it follows), with its
	// offset in the document.
	value    string
	valueOff int
	// distinctive labels name a joint-use item wherever they stand.
	distinctive bool
}

// jointScan holds the per-document state of findJointUse.
type jointScan struct {
	doc      *model.Document
	op       Operator
	inRegion []bool // blocks about joint use
	labels   []jointLabel
	isLabel  map[*model.Block]bool
}

// findJointUse derives what the policy says about joint use.
func findJointUse(doc *model.Document, op Operator) JointUse {
	var ju JointUse
	if !strings.Contains(doc.Text, "共同") {
		return ju
	}
	sc := &jointScan{doc: doc, op: op, inRegion: make([]bool, len(doc.Blocks)), isLabel: map[*model.Block]bool{}}

	for _, sec := range doc.Sections {
		if sec.Head != nil && jointTitle.MatchString(sec.Title) {
			ju.Sections = append(ju.Sections, sec)
			// A section's blocks are contiguous from its heading.
			for i := sec.Head.Index; i < len(doc.Blocks) && sec.Span.Contains(doc.Blocks[i].Span); i++ {
				sc.inRegion[i] = true
			}
		}
	}
	for _, s := range doc.Sentences {
		if strings.Contains(s.Text, "共同") && sc.declares(s, ju.Sections) {
			ju.Triggers = append(ju.Triggers, s)
			sc.markRegion(s)
		}
	}
	sc.findLabels()

	// Stating the items declares joint use even without a sentence that
	// says so: a joint-use section that lists them (③グループ会社間の共同利用
	// over the labels), or a statutory label with its value.
	if len(ju.Triggers) == 0 {
		for _, l := range sc.labels {
			if _, ok := sc.statement(l); !ok || jointQuotedPolicy(doc, l.sentence, op) {
				continue
			}
			if sec := jointSectionOf(ju.Sections, l.sentence); sec != nil {
				ju.Triggers = append(ju.Triggers, doc.SentencesOf(sec.Head)...)
				break
			}
			if l.distinctive {
				ju.Triggers = append(ju.Triggers, l.sentence)
				sc.markRegion(l.sentence)
				sc.findLabels() // generic labels after it now count
				break
			}
		}
	}
	ju.Declared = len(ju.Triggers) > 0
	if !ju.Declared {
		return JointUse{Sections: ju.Sections}
	}

	for _, l := range sc.labels {
		if st, ok := sc.statement(l); ok {
			ju.add(l.item, st, sc)
		}
	}
	for _, t := range ju.Triggers {
		sc.inline(t, &ju)
	}
	for _, s := range doc.Sentences {
		if sc.inRegion[s.Block.Index] && strings.Contains(s.Text, "責任") {
			sc.managerInRunningText(s, &ju)
		}
	}

	for _, s := range doc.Sentences {
		if !sc.inRegion[s.Block.Index] && !strings.Contains(s.Text, "共同") {
			continue
		}
		for _, c := range s.Clauses {
			if c.Promise && jointPromiseWord.MatchString(c.Text) {
				ju.Promises = append(ju.Promises, s)
				break
			}
		}
	}
	sc.managerDetails(&ju)
	return ju
}

// declares reports whether s declares joint use of the operator's data:
// about data (or in a joint-use section), and not in a quoted policy.
func (sc *jointScan) declares(s *model.Sentence, secs []*model.Section) bool {
	return declaresJointUse(s, sc.op) &&
		(jointAboutData.MatchString(s.Text) || jointConcreteData.MatchString(s.Text) || jointSectionOf(secs, s) != nil) &&
		!jointQuotedPolicy(sc.doc, s, sc.op)
}

// declaresJointUse reports whether the sentence declares that the operator
// does or may jointly use personal data.
func declaresJointUse(s *model.Sentence, op Operator) bool {
	declared := false
	for _, loc := range jointWord.FindAllStringIndex(s.Text, -1) {
		rest := s.Text[loc[1]:]
		if !jointVerbStart.MatchString(rest) {
			continue // 共同利用について, 共同利用者, 共同利用の範囲
		}
		verb := jointVerb.FindString(rest)
		after := rest[len(verb):]
		if !jointDeclaredAfter.MatchString(after) && !(strings.HasPrefix(after, "場合") && jointMayHappen.MatchString(after)) {
			continue // 共同して利用される個人データ, 共同利用する者
		}
		c := s.ClauseAt(s.Span.Start + loc[0])
		if c != nil && (c.Negated || c.Conditional) {
			continue // 共同利用は行っていません; …共同して利用する場合であって…とき
		}
		if jointNegatedAfter.MatchString(rest) {
			continue // a table cell, which the clause model reads without its negation
		}
		declared = true
		break
	}
	return declared && !jointOtherSubject(s.Text, op)
}

// jointQuotedPolicy reports whether the sentence lies in another business's
// policy quoted inside: a section marked as a reference (【参考】…), or
// one titled as the policy of a named business other than the operator.
func jointQuotedPolicy(doc *model.Document, s *model.Sentence, op Operator) bool {
	for sec := s.Section(); sec != nil; sec = sec.Parent {
		if sec.Head == nil {
			continue
		}
		if jointQuotedTitle.MatchString(sec.Title) {
			return true
		}
		first := len(doc.Sections) > 0 && firstHeadedSection(doc) == sec
		if !first && jointPolicyTitle.MatchString(sec.Title) && jointLegalEntity.MatchString(sec.Title) && !jointNamesOperator(sec.Title, op) {
			return true
		}
	}
	// A paragraph heading (【参考】…の方針) that the parser did not make a
	// section heading: look at the lines just before in the same section.
	for i := s.Block.Index - 1; i >= 0 && i >= s.Block.Index-3; i-- {
		if b := doc.Blocks[i]; b.Section == s.Block.Section && jointQuotedTitle.MatchString(b.Text) && utf8.RuneCountInString(b.Text) <= 40 {
			return true
		}
	}
	return false
}

// firstHeadedSection returns the document's first section with a heading.
func firstHeadedSection(doc *model.Document) *model.Section {
	for _, sec := range doc.Sections {
		if sec.Head != nil {
			return sec
		}
	}
	return nil
}

// jointOtherSubject reports whether the sentence's subject is a business other
// than the operator (ソニーは、…: a group policy quoted inside).
func jointOtherSubject(text string, op Operator) bool {
	text = jointListMarker.ReplaceAllString(text, "")
	m := jointSubjectAtStart.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	subj := m[1]
	if jointOwnSubject.MatchString(subj) || jointPersonWords.MatchString(subj) || jointOwnName(subj, op) {
		return false
	}
	return jointOtherBusiness.MatchString(subj)
}

// jointOwnName reports whether s is or contains one of the operator's names.
func jointOwnName(s string, op Operator) bool {
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return false
	}
	if d := op.Definition; d != nil && d.Short != "" && strings.Contains(s, d.Short) {
		return true
	}
	if jointNamesOperator(s, op) {
		return true
	}
	// A short form of the name (サンプルは、 for 株式会社サンプル).
	for _, n := range op.Names {
		t := strings.ReplaceAll(n.Text, " ", "")
		if strings.Contains(t, s) && utf8.RuneCountInString(jointLegalEntity.ReplaceAllString(s, "")) >= 2 {
			return true
		}
	}
	return false
}

// jointRegionBlocks is how far after a declaration, within its section, the
// items are looked for under generic labels.
const jointRegionBlocks = 30

// markRegion marks the blocks from a declaration to the end of its section.
func (sc *jointScan) markRegion(s *model.Sentence) {
	b := s.Block
	for i := b.Index; i < len(sc.doc.Blocks) && i < b.Index+jointRegionBlocks; i++ {
		nb := sc.doc.Blocks[i]
		if i > b.Index && nb.Kind == model.Heading && !b.Section.Span.Contains(nb.Span) {
			break
		}
		sc.inRegion[i] = true
	}
}

// findLabels finds the item labels that open a sentence or a table row.
func (sc *jointScan) findLabels() {
	sc.labels = sc.labels[:0]
	for _, s := range sc.doc.Sentences {
		if l, ok := sc.labelOf(s); ok {
			sc.labels = append(sc.labels, l)
			if s.Span.Start == s.Block.Span.Start {
				sc.isLabel[s.Block] = true
			}
		}
	}
}

// labelOf recognises an item label at the start of a sentence.
func (sc *jointScan) labelOf(s *model.Sentence) (jointLabel, bool) {
	b := s.Block
	region := sc.inRegion[b.Index]
	text, off := s.Text, s.Span.Start
	var cellValue *model.Span
	if b.Kind == model.TableRow && len(b.Cells) >= 2 && s.Span.Start <= b.Cells[0].Start {
		text, off = sc.doc.Slice(b.Cells[0]), b.Cells[0].Start
		v := model.Span{Start: b.Cells[1].Start, End: b.Cells[len(b.Cells)-1].End}
		cellValue = &v
	}
	lead := len(jointListMarker.FindString(text))
	body := text[lead:]
	item, n, distinctive, ok := matchJointLabel(body, region)
	if !ok {
		return jointLabel{}, false
	}
	if item == JointManager {
		n += len(jointManagerLabelTail.FindString(body[n:]))
	}
	if cellValue != nil {
		if strings.Trim(body[n:], "*】] ") != "" {
			return jointLabel{}, false // the cell says more than the label
		}
		if jointTableHeader.MatchString(strings.TrimSpace(sc.doc.Slice(*cellValue))) {
			return jointLabel{}, false
		}
		return jointLabel{item: item, sentence: s, value: sc.doc.Slice(*cellValue), valueOff: cellValue.Start, distinctive: distinctive}, true
	}
	after := body[n:]
	closed := jointLabelClose.FindString(after)
	after = after[len(closed):]
	sep := jointLabelSep.FindString(after)
	if sep == "" && after != "" && strings.TrimSpace(closed) == "" && !jointJoinedValue(after) {
		return jointLabel{}, false // the label runs on into a sentence: 共同利用者の範囲を公表します
	}
	value := after[len(sep):]
	valueOff := off + lead + n + len(closed) + len(sep)
	value = jointValueEnd.ReplaceAllString(value, "")
	if jointPointer.MatchString(strings.TrimSpace(value)) {
		value = ""
	}
	return jointLabel{item: item, sentence: s, value: value, valueOff: valueOff, distinctive: distinctive}, true
}

// jointJoinedValue reports whether the text right after a label is its value
// run into it (a line break lost in extraction: 責任を有する者当社), not the
// rest of a sentence.
func jointJoinedValue(after string) bool {
	return utf8.RuneCountInString(after) <= 40 && !jointParticleStart.MatchString(after) && !jointPredicate.MatchString(after)
}

type jointLabelPattern struct {
	re   *rx.Regexp
	item JointUseItem
}

var (
	jointDistinctiveLabels = []jointLabelPattern{
		{jointScopeLabel, JointScope}, {jointPurposeLabel, JointPurpose}, {jointManagerLabel, JointManager}, {jointItemsLabel, JointItems},
	}
	jointGenericLabels = []jointLabelPattern{
		{jointGenericScopeLabel, JointScope}, {jointGenericPurposeLabel, JointPurpose}, {jointGenericManagerLabel, JointManager}, {jointGenericItemsLabel, JointItems},
	}
)

// matchJointLabel matches an item label at the start of body and returns the
// item, the label's length and whether the label is distinctive. Generic
// labels count only in the region.
func matchJointLabel(body string, region bool) (item JointUseItem, n int, distinctive, ok bool) {
	// The longest label wins: 共同利用者の利用目的 is a purpose, not 共同利用者.
	longest := func(ls []jointLabelPattern) {
		for _, l := range ls {
			if loc := l.re.FindStringIndex(body); loc != nil && loc[1] > n {
				item, n, ok = l.item, loc[1], true
			}
		}
	}
	if longest(jointDistinctiveLabels); ok {
		return item, n, true, true
	}
	if region {
		longest(jointGenericLabels)
	}
	return item, n, false, ok
}

// jointValueBlocks is how many blocks after a label without a value may carry
// it (a list of purposes).
const jointValueBlocks = 15

// statement returns the value a label gives: on its line, or in the
// blocks that follow up to the next label or heading. A label inside a
// promise, a condition or a negation gives no value.
func (sc *jointScan) statement(l jointLabel) (JointStatement, bool) {
	s := l.sentence
	if c := s.ClauseAt(s.Span.Start); c != nil && (c.Negated || c.Conditional) {
		return JointStatement{}, false // …共同利用者の範囲を明示しない場合
	}
	for _, c := range s.Clauses {
		if c.Promise {
			return JointStatement{}, false // …についてあらかじめ公表いたします
		}
	}
	if v := strings.TrimSpace(l.value); v != "" {
		if opensWithJointLabel(v) {
			return JointStatement{}, false // a list of the labels: 項目、範囲、利用目的…について公表
		}
		start := l.valueOff + strings.Index(l.value, v)
		return JointStatement{Value: v, Span: model.Span{Start: start, End: start + len(v)}, Sentences: []*model.Sentence{s}}, true
	}
	b := s.Block
	if s != lastSentenceOf(sc.doc.SentencesOf(b)) {
		return JointStatement{}, false
	}
	var st JointStatement
	var parts []string
	for i := b.Index + 1; i < len(sc.doc.Blocks) && i <= b.Index+jointValueBlocks; i++ {
		nb := sc.doc.Blocks[i]
		if sc.isLabel[nb] {
			break
		}
		if nb.Kind == model.Heading && !(b.Kind == model.Heading && b.Section.Span.Contains(nb.Span)) {
			break // the next topic, unless a subheading of the label's own section
		}
		if l.item == JointManager && len(parts) > 0 && strings.Contains(nb.Text, "。") && utf8.RuneCountInString(nb.Text) > 80 {
			break // the manager's lines are short; prose is the next topic
		}
		if len(parts) == 0 {
			st.Span.Start = nb.Span.Start
		}
		st.Span.End = nb.Span.End
		parts = append(parts, nb.Text)
		st.Sentences = append(st.Sentences, sc.doc.SentencesOf(nb)...)
	}
	st.Value = strings.Join(parts, "\n")
	if strings.TrimSpace(st.Value) == "" {
		return JointStatement{}, false
	}
	return st, true
}

// opensWithJointLabel reports whether a value opens with another item's label,
// as in a running list of the labels.
func opensWithJointLabel(v string) bool {
	v = strings.TrimLeft(v, "、,・ ")
	_, _, _, ok := matchJointLabel(v, false)
	return ok
}

func lastSentenceOf(ss []*model.Sentence) *model.Sentence {
	if len(ss) == 0 {
		return nil
	}
	return ss[len(ss)-1]
}

// add files a statement under its item when its value satisfies the item.
func (ju *JointUse) add(item JointUseItem, st JointStatement, sc *jointScan) {
	switch item {
	case JointItems:
		if jointConcreteData.MatchString(st.Value) || jointDataReference.MatchString(st.Value) {
			ju.Items = append(ju.Items, st)
		} else {
			ju.VagueItems = append(ju.VagueItems, st)
		}
	case JointScope:
		if jointDefinableScope(st.Value) {
			ju.Scope = append(ju.Scope, st)
		} else {
			ju.VagueScope = append(ju.VagueScope, st)
		}
	case JointPurpose:
		if jointPurposeWords.MatchString(st.Value) && utf8.RuneCountInString(st.Value) >= 4 {
			ju.Purpose = append(ju.Purpose, st)
		}
	case JointManager:
		kind, ok := sc.managerOf(st.Value)
		if !ok && jointBlankOnLabelLine(st) {
			kind, ok = jointManagerOther, true // 責任を有する者：【会社名】
		}
		if ok {
			ju.Manager = append(ju.Manager, st)
			switch kind {
			case jointManagerOperator:
				ju.ManagerIsOperator = true
			case jointManagerPerson:
				ju.ManagerIndividual = true
			}
		}
	}
}

// jointBlankOnLabelLine reports whether a statement's value is a 【…】
// blank (with or without a legal form: 株式会社【会社名】) given on the
// label's own line: the value slot of a drafted clause. A bracket on a
// line below the label is a heading, not a value.
func jointBlankOnLabelLine(st JointStatement) bool {
	if len(st.Sentences) == 0 || !st.Sentences[0].Span.Contains(st.Span) {
		return false
	}
	first, _, _ := strings.Cut(st.Value, "\n")
	return jointBlankName(first)
}

// jointBlankName reports whether a name is a 【…】 blank, with or without
// a legal form around it. (jointListMarker would take the 【 for a bracket
// around a label.)
func jointBlankName(v string) bool {
	return IsBlankName(jointParenthetical.ReplaceAllString(strings.TrimLeft(v, "・-*●○■□◆◇▪•※ 　"), ""))
}

// jointDefinableScope reports whether a scope names the joint users or a group
// a person can tell the members of.
func jointDefinableScope(v string) bool {
	if jointLegalEntity.MatchString(v) || jointListLink.MatchString(v) {
		return true
	}
	if jointVagueParties.MatchString(v) {
		return false
	}
	if jointDefinableGroup.MatchString(v) {
		return true
	}
	// A named body without a legal form (〇〇同窓会, 〇〇協会).
	for _, part := range jointScopeSplit.Split(v, -1) {
		if NameKindOf(strings.TrimSpace(part)) == Organization {
			return true
		}
	}
	return false
}

// jointManagerKind says who a manager value names.
type jointManagerKind int

const (
	jointManagerOther    jointManagerKind = iota // another business
	jointManagerOperator                         // the operator itself
	jointManagerPerson                           // a natural person
)

// managerOf says whether a value names the manager: the operator, a
// business, or a person. A business named with its legal form decides
// (当社の親会社である株式会社〇〇 is another business); else 当社 is the
// operator.
func (sc *jointScan) managerOf(v string) (jointManagerKind, bool) {
	lines := strings.Split(v, "\n")
	for i, line := range lines {
		lines[i] = strings.TrimSpace(jointParenthetical.ReplaceAllString(jointListMarker.ReplaceAllString(line, ""), ""))
	}
	named := false
	for _, line := range lines {
		if line == "" || !jointLegalEntity.MatchString(line) && NameKindOf(line) != Organization {
			continue
		}
		if jointNamesOperator(line, sc.op) {
			return jointManagerOperator, true
		}
		named = true
	}
	switch {
	case named:
		return jointManagerOther, true
	case jointOwnReference.MatchString(v):
		return jointManagerOperator, true
	}
	for _, line := range lines {
		if NameKindOf(line) == Individual {
			return jointManagerPerson, true
		}
	}
	return 0, false
}

// jointDetailBlocks is how many short lines after a manager's name may give
// its address and representative (住所：…, 代表者：…).
const jointDetailBlocks = 6

// detailLines returns the sentences of the short lines that follow a
// manager statement, up to the next label, heading or paragraph of prose.
func (sc *jointScan) detailLines(m JointStatement) []*model.Sentence {
	last := lastSentenceOf(m.Sentences)
	if last == nil {
		return nil
	}
	b := last.Block
	var out []*model.Sentence
	for i := b.Index + 1; i < len(sc.doc.Blocks) && i <= b.Index+jointDetailBlocks; i++ {
		nb := sc.doc.Blocks[i]
		if sc.isLabel[nb] || nb.Kind == model.Heading || utf8.RuneCountInString(nb.Text) > 100 || strings.Contains(nb.Text, "。") {
			break
		}
		out = append(out, sc.doc.SentencesOf(nb)...)
	}
	return out
}

// jointPersonAt reports whether s opens with a person's name (one or two
// words) and returns where the name ends.
func jointPersonAt(s string) (int, bool) {
	if NameKindOf(s) == Individual {
		return len(s), true
	}
	if i := strings.IndexByte(s, ' '); i > 0 && NameKindOf(s[:i]) == Individual {
		return i, true
	}
	return 0, false
}

// jointNameRune reports whether r can continue a business name.
func jointNameRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r) || r == 'ー' || r == '・' ||
		r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
}

// jointNamesOperator reports whether s contains one of the operator's names as
// a whole word: 株式会社サンプルホールディングス does not name 株式会社サンプル.
func jointNamesOperator(s string, op Operator) bool {
	s = strings.ReplaceAll(s, " ", "")
	for _, n := range op.Names {
		t := strings.ReplaceAll(n.Text, " ", "")
		if t == "" {
			continue
		}
		for off := 0; ; {
			i := strings.Index(s[off:], t)
			if i < 0 {
				break
			}
			lo, hi := off+i, off+i+len(t)
			before, _ := utf8.DecodeLastRuneInString(s[:lo])
			after, _ := utf8.DecodeRuneInString(s[hi:])
			if (lo == 0 || !jointNameRune(before)) && (hi == len(s) || !jointNameRune(after)) {
				return true
			}
			off = hi
		}
	}
	return false
}

// inline reads the items stated in the declaring sentence itself:
// 当社は、氏名、住所を当社の子会社と共同利用します.
func (sc *jointScan) inline(s *model.Sentence, ju *JointUse) {
	t := s.Text
	one := func(lo, hi int) JointStatement {
		return JointStatement{Value: t[lo:hi], Span: model.Span{Start: s.Span.Start + lo, End: s.Span.Start + hi}, Sentences: []*model.Sentence{s}}
	}
	if loc := jointInlineScope.FindStringIndex(t); loc != nil {
		if lo := len(jointClauseCut.FindString(t[:loc[0]])); lo < loc[0] {
			st := one(lo, loc[0])
			if jointDefinableScope(st.Value) {
				ju.Scope = append(ju.Scope, st)
			} else if jointVagueParties.MatchString(st.Value) {
				ju.VagueScope = append(ju.VagueScope, st)
			}
		}
	}
	if loc := jointInlineObject.FindStringIndex(t); loc != nil {
		if lo := len(jointClauseCut.FindString(t[:loc[0]])); lo < loc[0] {
			if st := one(lo, loc[0]); jointConcreteData.MatchString(st.Value) {
				ju.Items = append(ju.Items, st)
			}
		}
	}
	if m := jointInlinePurpose.FindStringSubmatchIndex(t); m != nil && m[1] < jointIndex(t) && !strings.Contains(t[m[2]:m[3]], "目的の範囲") {
		ju.Purpose = append(ju.Purpose, one(m[2], m[1]))
	}
}

// jointIndex is where joint use is first named in t.
func jointIndex(t string) int {
	if loc := jointWord.FindStringIndex(t); loc != nil {
		return loc[0]
	}
	return -1
}

// managerInRunningText reads a manager stated in a sentence: 当社が管理に
// ついて責任を有します.
func (sc *jointScan) managerInRunningText(s *model.Sentence, ju *JointUse) {
	m := jointManagerSentence.FindStringSubmatchIndex(s.Text)
	if m == nil {
		return
	}
	for _, c := range s.Clauses {
		if c.Promise || c.Negated {
			return
		}
	}
	raw := s.Text[m[2]:m[3]]
	subj := strings.TrimSpace(jointListMarker.ReplaceAllString(raw, ""))
	kind, ok := sc.managerOf(subj)
	if !ok && jointBlankName(raw) {
		kind, ok = jointManagerOther, true // 【会社名】が…管理について責任を有します
	}
	if ok {
		ju.Manager = append(ju.Manager, JointStatement{Value: subj,
			Span: model.Span{Start: s.Span.Start + m[2], End: s.Span.Start + m[3]}, Sentences: []*model.Sentence{s}})
		if kind == jointManagerOperator {
			ju.ManagerIsOperator = true
		}
	}
}

// managerDetails finds the manager's address and representative: with the
// manager's statement, or the operator's own when the operator manages.
func (sc *jointScan) managerDetails(ju *JointUse) {
	for _, m := range ju.Manager {
		for _, s := range append(m.Sentences, sc.detailLines(m)...) {
			t := s.Text
			at := func(lo, hi int) JointStatement {
				return JointStatement{Value: t[lo:hi], Span: model.Span{Start: s.Span.Start + lo, End: s.Span.Start + hi}, Sentences: []*model.Sentence{s}}
			}
			for _, loc := range streetAddressPattern.FindAllStringIndex(t, -1) {
				ju.ManagerAddress = append(ju.ManagerAddress, at(loc[0], loc[1]))
			}
			for _, loc := range labelledAddress.FindAllStringSubmatchIndex(t, -1) {
				ju.ManagerAddress = append(ju.ManagerAddress, at(loc[2], loc[3]))
			}
			for _, loc := range jointManagerRep.FindAllStringSubmatchIndex(t, -1) {
				if hi, ok := jointPersonAt(t[loc[2]:loc[3]]); ok {
					ju.ManagerRepresentative = append(ju.ManagerRepresentative, at(loc[0], loc[2]+hi))
				}
			}
			if !strings.Contains(t, "【") {
				continue
			}
			// Drafted lines with the value left blank: 住所：【住所】,
			// 代表者：【代表者の役職・氏名】.
			for _, m := range blankContact.FindAllStringSubmatchIndex(t, -1) {
				if m[2] < 0 || blankContactKind(t[m[2]:m[3]]) == Postal {
					ju.ManagerAddress = append(ju.ManagerAddress, at(m[0], m[1]))
				}
			}
			for _, loc := range jointBlankRep.FindAllStringIndex(t, -1) {
				ju.ManagerRepresentative = append(ju.ManagerRepresentative, at(loc[0], loc[1]))
			}
		}
	}
	if !ju.ManagerIsOperator {
		return
	}
	// The operator's own address and representative, wherever the policy
	// states them, are the manager's: all of them are evidence.
	ev := ju.Manager[0].Sentences
	with := func(s *model.Sentence) []*model.Sentence { return append([]*model.Sentence{s}, ev...) }
	for _, a := range sc.op.Addresses {
		ju.ManagerAddress = append(ju.ManagerAddress, JointStatement{Value: a.Value, Span: a.Span, Sentences: with(a.Sentence)})
	}
	for _, r := range sc.op.Representatives {
		ju.ManagerRepresentative = append(ju.ManagerRepresentative, JointStatement{Value: r.Name, Span: r.Span, Sentences: with(r.Sentence)})
	}
	if sc.op.Individual {
		for _, n := range sc.op.Names {
			if n.Kind == Individual {
				ju.ManagerRepresentative = append(ju.ManagerRepresentative, JointStatement{Value: n.Text, Span: n.Span, Sentences: with(n.Sentence)})
			}
		}
	}
}

// jointSectionOf returns the joint-use section that contains s, or nil.
func jointSectionOf(secs []*model.Section, s *model.Sentence) *model.Section {
	for _, sec := range secs {
		if sec.Span.Contains(s.Span) {
			return sec
		}
	}
	return nil
}
