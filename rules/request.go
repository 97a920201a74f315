package rules

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Requests by the individual (catalog section 3): 法32条1項3号・2項, 33〜35条,
// 37条, 38条, 令12条.
//
// The family shares one analysis per document (requestScan): which request
// types the policy says the individual can make, and the "request zone" —
// the sentences about those requests and the few that follow them — where
// the procedure, identity verification and fee are looked for. A request
// type counts wherever it is named in a request context, including the fee
// clause, unless the clause that names it refuses it outright.

// requestKind is one statutory type of request.
type requestKind int

const (
	reqPurposeNotice    requestKind = iota // 利用目的の通知 (32条2項)
	reqDisclosure                          // 開示 (33条1項)
	reqProvisionRecords                    // 第三者提供記録の開示 (33条5項)
	reqCorrection                          // 訂正・追加・削除 (34条)
	reqSuspension                          // 利用停止・消去 (35条1項・5項)
	reqThirdPartyStop                      // 第三者提供の停止 (35条3項)
	numRequestKinds
)

// zoneAfter is how many sentences after a request sentence still belong to
// it: the documents, fee and contact usually follow in the next lines.
const zoneAfter = 6

// proximityBlocks is how far after a "contact us" sentence a contact line
// still belongs to it when no heading intervenes.
const proximityBlocks = 8

var (
	// requestWord marks a sentence that speaks of something the individual
	// asks for (請求, 求め, 申出, 希望 …) or of the fee for it.
	requestWord = rx.MustCompile(`請求|求め|申出|申し出|申立|申し立て|希望|権利|応じ|手続|要請|依頼|申請|問い?合わ?せ|問合せ|手数料|受け付け|受付|承り|相談`)

	// requestHeading recognises the title of a section about the individual's
	// requests; titles about provision to others (第三者への開示) are not.
	requestHeading    = rx.MustCompile(`開示|訂正|利用(?:の)?停止|提供(?:の)?停止|照会|請求|求め|(?:本人|お客様|お客さま|ユーザー|利用者|会員)(?:様)?の権利`)
	notRequestHeading = rx.MustCompile(`第三者(?:へ|に対する|に|への)?(?:の)?(?:開示|提供)|提供の禁止|開示・提供|提供・開示|情報開示|料金|支払|請求書|課金|決済|代金|苦情`)
	// …unless it is the request to stop provision or to disclose its records.
	requestAfterAll = rx.MustCompile(`停止|記録`)

	// listIntro introduces a list of the requests (以下の請求を行うことが
	// できます); the short lines after it name them without a request word.
	listIntro = rx.MustCompile(`(?:以下|次|下記)(?:の|に掲げる)?[^。]{0,12}(?:請求|求め|権利|事項|とおり|通り|もの|種類)|[:：]$`)

	// 照会 and アクセス (to one's own data) are other words for the request.
	disclosureTerm = rx.MustCompile(`開示|照会|(?:個人情報|個人データ|情報)へのアクセス(?:、|・|を求|の請求|請求|権)`)
	// Words that make 開示 mean disclosure to someone else, not the
	// individual's request: 第三者への開示, 開示・提供, 情報開示 (IR).
	provisionBefore = rx.MustCompile(`(?:第三者|委託先|提携先|連携先|業務委託|外部|他社|企業|事業者|業者|会社|団体|法人|当局|機関|広告主|パートナー)(?:等)?(?:に対して|に対し|に対する|への|へ|に)[^。、]{0,20}$`)
	provisionJoin   = rx.MustCompile(`(?:提供|漏洩|漏えい|公開|公表)(?:・|又は|または|および|及び|、|や|もしくは|若しくは)$`)
	provisionAfter  = rx.MustCompile(`^(?:・|又は|または|および|及び|、|や|もしくは|若しくは)(?:提供|漏洩|漏えい|公開|公表)`)
	// …but 開示、提供の停止 is a list of requests.
	requestAfter = rx.MustCompile(`^(?:・|又は|または|および|及び|、|や|もしくは|若しくは)提供(?:の)?(?:停止|記録)`)
	// The operator's own act in a list of cases (統計データを開示する場合,
	// 開示することがあります) is disclosure to others.
	provisionMay = rx.MustCompile(`^(?:する|いたす|致す)(?:場合|こと(?:が|も)(?:あ|ござ))`)
	// The statutory definition of 保有個人データ names the requests without
	// saying the individual can make them.
	retainedDataDefinition = rx.MustCompile(`権限を有する`)
	publicAuthority        = rx.MustCompile(`裁判所|警察|検察|法執行|捜査|令状|官公署|行政機関|国の機関|地方公共団体|弁護士会`)
	correctionList         = rx.MustCompile(`訂正|修正|削除`)

	purposeNoticeTerm = rx.MustCompile(`利用目的(?:の|を)?(?:ご)?通知`)
	// 利用目的の通知又は公表 is the duty at collection (21条), not a request.
	publishAfter = rx.MustCompile(`^(?:又は|または|・|、|もしくは|若しくは|および|及び|や)?(?:公表|公開)`)

	recordsTerm = rx.MustCompile(`(?:第三者|提供|受領)[^。、]{0,12}記録`)

	// 追加 is found through the 訂正・削除 it is listed with: alone it is
	// mostly "追加で同封してください".
	correctionTerm = rx.MustCompile(`訂正|修正|削除`)
	// 修正・削除 and 消去 alone are also editing a profile, deleting an
	// account or routine disposal; they count when listed with another
	// request type, when their object is the personal data itself, or as a
	// bare entry of a list under a heading about requests.
	correctionObject = rx.MustCompile(`(?:個人情報|個人データ|登録情報|ご登録内容|内容)(?:等)?(?:の)?$`)
	listedBefore     = rx.MustCompile(`(?:開示|照会|訂正|修正|削除|追加|停止|消去|通知)(?:等)?(?:\([^)]{0,30}\))?(?:、|・|/|又は|または|および|及び|や|もしくは|若しくは|と|,)\s*(?:内容の|項目の)?$`)
	listedAfter      = rx.MustCompile(`^(?:等)?(?:\([^)]{0,30}\))?(?:、|・|/|又は|または|および|及び|や|もしくは|若しくは|と|,)\s*(?:内容の|項目の)?(?:開示|照会|訂正|修正|削除|追加|利用|消去|第三者|提供|停止)`)

	suspensionTerm = rx.MustCompile(`利用(?:\([^)]{0,40}\))?(?:の)?停止|消去`)
	// Stopping cookies, ads or newsletters is not 利用停止 of 保有個人データ.
	optOutContext   = rx.MustCompile(`(?i)cookie|クッキー|配信|メールマガジン|メルマガ|広告|オプトアウト|ブラウザ`)
	reqPersonalData = rx.MustCompile(`個人情報|個人データ|開示|訂正`)
	// Suspending an account or a service is the operator's measure, not the
	// individual's 利用停止 request.
	accountObject = rx.MustCompile(`(?:アカウント|サービス|会員資格|会員|ID|端末|機能|カード)(?:等)?(?:の)?$`)

	thirdPartyStopTerm = rx.MustCompile(`第三者(?:へ|に対する|への)?(?:の)?(?:個人データ|個人情報|データ)?(?:の)?提供(?:の|を)?停止|提供(?:の|を)?停止`)
	// The opt-out stop of 27条2項 is a different duty from 35条3項.
	statutoryOptOut = rx.MustCompile(`オプトアウト|2[37]条(?:第)?2項`)

	// feeInClause exempts a refusal about the fee (手数料はいただきません)
	// from counting as a refusal of the request it names.
	feeInClause = rx.MustCompile(`手数料|費用|料金|無料|無償|不要`)
)

// requestScan is the shared analysis of one document.
type requestScan struct {
	// evidence holds, per request type, the sentences that name it.
	evidence [numRequestKinds][]model.Span
	any      bool
	// zone marks the sentences (by Sentence.Index) about requests.
	zone []bool
	// mention marks the sentences that name a request type.
	mention []bool
	// sections are the sections about requests.
	sections       []*model.Section
	requestSection map[*model.Section]bool
	anchor         model.Span
}

// requestScanKey is the Memo key of the request analysis.
type requestScanKey struct{}

// requestsOf returns the request analysis of the pass's document, computed
// once per document for the nine rules of the family.
func requestsOf(p *engine.Pass) *requestScan {
	return p.Memo(requestScanKey{}, func() any { return scanRequests(p.Doc) }).(*requestScan)
}

func isRequestHeading(title string) bool {
	return requestHeading.MatchString(title) && (!notRequestHeading.MatchString(title) || requestAfterAll.MatchString(title))
}

// shortLine reports whether a sentence is a list entry, heading, table row
// or short line rather than running text.
func shortLine(s *model.Sentence, max int) bool {
	return utf8.RuneCountInString(s.Text) <= max && (s.Block.Kind != model.Paragraph || !strings.HasSuffix(s.Text, "。"))
}

// inSection reports whether a sentence lies in a section about requests
// (its own section or an ancestor has a request title).
func (r *requestScan) inSection(s *model.Sentence) bool {
	for sec := s.Section(); sec != nil; sec = sec.Parent {
		if r.requestSection[sec] {
			return true
		}
	}
	return false
}

func scanRequests(doc *model.Document) *requestScan {
	r := &requestScan{zone: make([]bool, len(doc.Sentences)), mention: make([]bool, len(doc.Sentences)),
		requestSection: map[*model.Section]bool{}}
	for _, sec := range doc.Sections {
		if sec.Head != nil && isRequestHeading(sec.Title) {
			r.sections = append(r.sections, sec)
			r.requestSection[sec] = true
		}
	}
	firstMention := -1
	inList := false // the lines of a list introduced by a request sentence
	for i, s := range doc.Sentences {
		asked := requestWord.MatchString(s.Text)
		inList = inList && shortLine(s, 50)
		inHeading := r.inSection(s) || inList
		if asked && listIntro.MatchString(s.Text) {
			inList = true
		}
		if inHeading {
			r.zone[i] = true
		}
		if !inHeading && !asked || retainedDataDefinition.MatchString(s.Text) {
			continue
		}
		kinds := requestKinds(s, inHeading)
		found := false
		for k, ok := range kinds {
			if ok {
				r.evidence[k] = append(r.evidence[k], s.Span)
				found = true
			}
		}
		if !found {
			continue
		}
		r.any = true
		r.mention[i] = true
		if firstMention < 0 {
			firstMention = i
		}
		for j := i; j < len(doc.Sentences) && j <= i+zoneAfter; j++ {
			r.zone[j] = true
		}
	}
	switch {
	case len(r.sections) > 0:
		r.anchor = r.sections[0].Head.Span
	case firstMention >= 0:
		r.anchor = doc.Sentences[firstMention].Block.Span
	default:
		r.anchor = Anchor(doc)
	}
	return r
}

// requestKinds lists the request types a sentence in a request context names.
func requestKinds(s *model.Sentence, inHeading bool) [numRequestKinds]bool {
	var kinds [numRequestKinds]bool
	text := s.Text
	each := func(re *rx.Regexp, k requestKind, keep func(before, after string) bool) {
		for _, loc := range re.FindAllStringIndex(text, -1) {
			if kinds[k] {
				return
			}
			if keep != nil && !keep(text[:loc[0]], text[loc[1]:]) {
				continue
			}
			if requestRefused(s, s.Span.Start+loc[0]) {
				continue
			}
			kinds[k] = true
		}
	}
	hasAuthority := publicAuthority.MatchString(text)
	each(disclosureTerm, reqDisclosure, func(before, after string) bool {
		if strings.Contains(text[len(before):len(text)-len(after)], "アクセス") {
			return true
		}
		if strings.HasPrefix(text[len(before):], "照会") {
			// 照会 is the individual's inquiry only beside 訂正・削除.
			return inHeading || correctionList.MatchString(text)
		}
		if hasAuthority {
			return false
		}
		return !disclosureToOthers(before, after)
	})
	each(purposeNoticeTerm, reqPurposeNotice, func(_, after string) bool {
		return !publishAfter.MatchString(after)
	})
	if strings.Contains(text, "開示") {
		each(recordsTerm, reqProvisionRecords, nil)
	}
	// bare: a short list entry or heading line, not a running sentence.
	bare := inHeading && (s.Block.Kind != model.Paragraph || utf8.RuneCountInString(text) <= 30)
	listed := func(before, after string) bool {
		near := reqLastRunes(before, 40)
		return bare || listedBefore.MatchString(near) || listedAfter.MatchString(after) || correctionObject.MatchString(reqLastRunes(near, 12))
	}
	each(correctionTerm, reqCorrection, func(before, after string) bool {
		return strings.HasPrefix(text[len(before):], "訂正") || listed(before, after)
	})
	if !optOutContext.MatchString(text) || reqPersonalData.MatchString(text) {
		each(suspensionTerm, reqSuspension, func(before, after string) bool {
			near := reqLastRunes(before, 10)
			if accountObject.MatchString(near) {
				return false
			}
			if strings.HasPrefix(text[len(before):], "消去") {
				return listed(before, after)
			}
			return true
		})
	}
	if !statutoryOptOut.MatchString(text) {
		each(thirdPartyStopTerm, reqThirdPartyStop, func(before, after string) bool {
			if strings.HasPrefix(text[len(before):], "第三者") {
				return true
			}
			// A bare 提供(の)停止 counts inside a list of request types.
			return listed(before, after)
		})
	}
	return kinds
}

// disclosureToOthers reports whether the 開示 between before and after is
// disclosure to someone else (第三者に開示, 開示・提供, 情報開示).
func disclosureToOthers(before, after string) bool {
	near := reqLastRunes(before, 24)
	if provisionBefore.MatchString(near) && !strings.Contains(near, "記録") {
		return true
	}
	if provisionJoin.MatchString(near) {
		return true
	}
	if provisionAfter.MatchString(after) && !requestAfter.MatchString(after) {
		return true
	}
	if strings.HasSuffix(before, "情報") && !strings.HasSuffix(before, "個人情報") {
		return true
	}
	return provisionMay.MatchString(after)
}

// requestRefused reports whether the clause at off refuses the request outright
// (第三者提供の停止には応じておりません). A refusal after a condition (本人確認
// ができない場合には、開示に応じません) limits the right rather than denying it,
// and a negation about the fee (手数料はいただきません) is not a refusal.
func requestRefused(s *model.Sentence, off int) bool {
	c := s.ClauseAt(off)
	if c == nil || !c.Negated || feeInClause.MatchString(c.Text) {
		return false
	}
	// 以下の場合には開示いたしません lists exceptions to the right.
	if strings.Contains(c.Text, "場合") || strings.Contains(c.Text, "とき") {
		return false
	}
	for _, prev := range s.Clauses {
		if prev == c {
			break
		}
		if prev.Conditional {
			return false
		}
	}
	return !c.Conditional
}

// reqLastRunes returns the last n runes of s.
func reqLastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// requestKindRule builds the rule that a request type is named.
func requestKindRule(k requestKind, r *engine.Rule) *engine.Rule {
	r.Run = func(p *engine.Pass) {
		scan := requestsOf(p)
		if ev := scan.evidence[k]; len(ev) > 0 {
			p.OK(ev...)
			return
		}
		p.Missing(scan.anchor)
	}
	return r
}

// ---- request-procedure ----

var (
	// procedureMethod is a described way of making the request: a form to
	// fill in, or a named page or document with the procedure.
	procedureMethod = rx.MustCompile(`所定の[^。、]{0,10}?(?:申請書|請求書|申込書|用紙|書式|様式|申請フォーム|請求フォーム)|(?:請求|申請|申込|申出)書|(?:手続|手続き|ご案内|要領)[^。]{0,30}(?:をご覧|をご参照|を参照|をご確認)|(?:関連ページ|ページ|URL|リンク)[^。]{0,5}「[^」]*(?:手続|請求|開示)[^」]*」|「[^」]*(?:手続|請求|申請|申込|開示)[^」]*」(?:ページ)?(?:に従|をご覧|を参照|をご参照|をご確認|に記載|のとおり|により)`)
	// aboutRequests marks a "where to apply" sentence that is about the
	// individual's requests, not a general inquiry.
	aboutRequests = rx.MustCompile(`請求|求め|開示等|これら|上記の`)
	// applyPoint marks a sentence that names where to apply, so that a
	// contact in the lines right after it is that place.
	applyPoint = rx.MustCompile(`窓口|連絡先|問い?合わ?せ先|問合せ先|相談室|センター|デスク|事務局|担当|宛|まで|ご連絡|承り|受け付け|ご請求ください|お申し?出ください|お問い?合わ?せください`)
	// replyAddress marks where the operator sends its answer, which is not
	// where to apply.
	replyAddress = rx.MustCompile(`回答書|ご回答|回答(?:を|の)(?:送付|発送|お送り)`)
	// Pointers to a contact given elsewhere in the policy.
	// 以下「…」という is a definition, not a pointer.
	pointerAfter    = rx.MustCompile(`(?:下記|以下[^「、,(]|後記|後述|次|末尾|下部)(?:の)?[^。、]{0,15}?(?:窓口|連絡先|問い?合わ?せ|問合せ|相談室|宛|まで|メール|アドレス|住所|担当|URL|フォーム|ページ|へ)`)
	pointerBefore   = rx.MustCompile(`(?:上記|前記|前述)(?:の)?[^。、]{0,15}?(?:窓口|連絡先|問い?合わ?せ|問合せ|相談室|宛|まで|メール|アドレス|住所|担当|へ)`)
	pointerAnywhere = rx.MustCompile(`(?:第\d+条|\d+(?:\.\d+)*\.?|本(?:プライバシー)?ポリシー|本方針|本要領|本規約|本ページ|「[^」]+」(?:項|欄)?)[^。、]{0,8}?(?:記載|定め|記し|掲げ|示し|掲載)[^。]{0,20}(?:窓口|連絡先|問い?合わ?せ|問合せ|相談室)|(?:窓口|連絡先|問い?合わ?せ先|相談室)\s*\((?:第\d+条|\d+\.)`)
	// menuPath is a way through the app or site to the request form: a
	// named item reached from another (「設定」から「お問い合わせ」) or a
	// named item to open or choose (「開示等の請求」を選んで).
	menuPath = rx.MustCompile(`「[^」]{1,30}」(?:画面|メニュー|タブ|ボタン|ページ|アイコン)?\s*(?:から|より|→|>|内の)\s*「[^」]{1,30}」|「[^」]{1,30}」(?:画面|メニュー|タブ|ボタン|ページ|フォーム|アイコン|欄)?を(?:選択|選ん|選び|選ぶ|タップ|クリック|押|開)`)
	// namedPage is a named page or form of the operator's site given as the
	// place to apply (当社ホームページの「お問い合わせ」にて承ります).
	namedPage = rx.MustCompile(`「[^」]{0,20}(?:問い?合わ?せ|問合せ|フォーム|窓口|サポート)[^」]{0,20}」(?:ページ|フォーム|欄)?(?:にて|より|から|で|へ|まで)`)
)

func runProcedure(p *engine.Pass) {
	doc := p.Doc
	scan := requestsOf(p)
	if !scan.any {
		p.Missing(scan.anchor)
		return
	}
	cx := newReqContactIndex(doc, p.Facts.Contacts)
	var evidence []model.Span
	for i, s := range doc.Sentences {
		if !scan.zone[i] {
			continue
		}
		// "こちらをご覧ください" names no page once the link is gone.
		if m := procedureMethod.FindString(s.Text); m != "" && (!strings.Contains(m, "こちら") || strings.Contains(s.Text, "http")) {
			evidence = append(evidence, s.Span)
			continue
		}
		if !scan.mention[i] && !aboutRequests.MatchString(s.Text) {
			continue
		}
		if namedPage.MatchString(s.Text) || menuPathIn(s) {
			evidence = append(evidence, s.Span)
			continue
		}
		if replyAddress.MatchString(s.Text) {
			continue
		}
		if c, ok := cx.tied(s); ok {
			evidence = append(evidence, s.Span, c.Sentence.Span)
		}
	}
	// A contact line inside the section about requests is the place to
	// apply; a bare URL there may be a reference (the PPC's site) instead.
	for _, c := range cx.all {
		if scan.inSection(c.Sentence) && (c.Kind != facts.URL || reqContactLike(cx.doc, c)) {
			evidence = append(evidence, c.Sentence.Span)
		}
	}
	if len(evidence) > 0 {
		p.OK(evidence...)
		return
	}
	p.Missing(scan.anchor)
}

// menuPathIn reports whether a sentence states a way through the app or
// site to the request form, in a clause that is not negated (「…」を開いても
// 受け付けておりません is no way to apply).
func menuPathIn(s *model.Sentence) bool {
	for _, m := range FindIn([]*model.Sentence{s}, menuPath) {
		if m.Affirmed() {
			return true
		}
	}
	return false
}

// reqContactIndex holds the document's contacts in text order, and apart
// those presented as the operator's contact point.
type reqContactIndex struct {
	doc  *model.Document
	all  []facts.Contact
	like []facts.Contact
}

func newReqContactIndex(doc *model.Document, contacts []facts.Contact) *reqContactIndex {
	cx := &reqContactIndex{doc: doc, all: append([]facts.Contact(nil), contacts...)}
	sort.SliceStable(cx.all, func(i, j int) bool { return cx.all[i].Span.Start < cx.all[j].Span.Start })
	for _, c := range cx.all {
		if reqContactLike(doc, c) {
			cx.like = append(cx.like, c)
		}
	}
	return cx
}

// contactFrom returns the index of the first contact of cs at or after off.
func contactFrom(cs []facts.Contact, off int) int {
	return sort.Search(len(cs), func(i int) bool { return cs[i].Span.Start >= off })
}

// tied finds the way to reach the contact point that a "where to apply"
// sentence names: in the sentence itself, where its pointer (下記, 上記,
// 第10条に記載の) leads, or in the lines right after it.
func (cx *reqContactIndex) tied(s *model.Sentence) (facts.Contact, bool) {
	if i := contactFrom(cx.all, s.Span.Start); i < len(cx.all) && cx.all[i].Span.Start < s.Span.End {
		return cx.all[i], true
	}
	if pointerAfter.MatchString(s.Text) {
		// The next contact if it follows closely, else the next one
		// presented as a contact point.
		if i := contactFrom(cx.all, s.Span.End); i < len(cx.all) && cx.all[i].Sentence.Block.Index <= s.Block.Index+proximityBlocks {
			return cx.all[i], true
		}
		if i := contactFrom(cx.like, s.Span.End); i < len(cx.like) {
			return cx.like[i], true
		}
	}
	if pointerBefore.MatchString(s.Text) {
		if i := contactFrom(cx.like, s.Span.Start); i > 0 {
			return cx.like[i-1], true
		}
	}
	if pointerAnywhere.MatchString(s.Text) && len(cx.like) > 0 {
		return cx.like[0], true
	}
	// The lines right after, up to the next heading, when the sentence
	// names a contact point.
	if i := contactFrom(cx.all, s.Span.End); i < len(cx.all) && applyPoint.MatchString(s.Text) {
		b := cx.all[i].Sentence.Block
		if b.Index <= s.Block.Index+proximityBlocks && !reqHeadingBetween(cx.doc, s.Block.Index, b.Index) {
			return cx.all[i], true
		}
	}
	return facts.Contact{}, false
}

// reqContactHint marks text that presents a contact point of the operator.
var reqContactHint = rx.MustCompile(`窓口|問い?合わ?せ|問合せ|連絡先|相談|宛先|送付先|受付|お申し?出先|請求先`)

// reqContactLike reports whether a contact is presented as the operator's
// contact point (its line, the lines just before it or its section title
// say so), not a link to someone else's page.
func reqContactLike(doc *model.Document, c facts.Contact) bool {
	b := c.Sentence.Block
	for i := b.Index; i >= 0 && i >= b.Index-3; i-- {
		if reqContactHint.MatchString(doc.Blocks[i].Text) {
			return true
		}
	}
	for _, t := range c.Sentence.Section().Titles() {
		if reqContactHint.MatchString(t) {
			return true
		}
	}
	return false
}

// reqHeadingBetween reports whether a heading lies after block a, up to and
// including block b.
func reqHeadingBetween(doc *model.Document, a, b int) bool {
	for i := a + 1; i <= b && i < len(doc.Blocks); i++ {
		if doc.Blocks[i].Kind == model.Heading {
			return true
		}
	}
	return false
}

// ---- identity-verification ----

var (
	// identityMethod names how a requester is identified on its own: the
	// identity documents as such, a power of attorney, or a stated method
	// (所定の方法で本人確認, 登録メールアドレスとの照合).
	identityMethod = rx.MustCompile(`本人確認(?:書類|資料|用(?:の)?書類)|(?:本人|ご本人様?|代理人)(?:様)?(?:であること)?(?:の|を)?確認(?:の)?(?:ため|ための|に必要な|用の)(?:書類|資料)|委任状|(?:所定|指定)の方法(?:により|で|にて)[^。]{0,20}(?:本人|確認)|(?:本人|確認)[^。]{0,20}(?:所定|指定)の方法|登録[^。、]{0,6}(?:メールアドレス|電話番号)[^。]{0,25}(?:確認|照合)|(?:確認|照合)[^。]{0,15}登録[^。、]{0,6}(?:メールアドレス|電話番号)|(?:ログイン|パスワード)[^。]{0,30}(?:本人|確認|認証)|本人(?:確認|であることを確認する)(?:の)?(?:ため|として)[^。]{0,40}(?:お伺い|照合|提示|提出|同封|ご送付|ご用意)`)
	// identityDocument is an identity document by name. The names also occur
	// in definitions (運転免許証の番号 is an 個人識別符号) and lists of data
	// collected, so they count only as something the requester submits.
	identityDocument = rx.MustCompile(`運転免許証|パスポート|旅券|(?:健康)?保険証|被保険者証|マイナンバーカード|個人番号カード|住民票|在留カード|印鑑(?:登録)?証明|身分証|公的(?:な)?(?:身分)?証明書`)
	identityNumber   = rx.MustCompile(`^(?:の)?(?:番号|コード|記号)`)
	submitWord       = rx.MustCompile(`確認|提示|提出|同封|写し|コピー|添付|添え|送付|郵送|ご用意|持参|照合|いずれか`)
)

// identityIn reports whether a sentence of the request zone says how the
// requester is identified.
func identityIn(s *model.Sentence) bool {
	if identityMethod.MatchString(s.Text) {
		return true
	}
	for _, loc := range identityDocument.FindAllStringIndex(s.Text, -1) {
		if identityNumber.MatchString(s.Text[loc[1]:]) {
			continue
		}
		// A bare list entry (a 運転免許証) under the documents required, or
		// a sentence asking for the document.
		if submitWord.MatchString(s.Text) || s.Block.Kind != model.Paragraph && utf8.RuneCountInString(s.Text) <= 40 {
			return true
		}
	}
	return false
}

// identityHeading is a section about identifying requesters, which may
// stand apart from the list of requests; titles about data collected
// (本人確認書類に記載された情報) are not.
var (
	identityHeading    = rx.MustCompile(`本人確認|ご?本人(?:様)?(?:の|であることの)確認|代理人`)
	notIdentityHeading = rx.MustCompile(`記載|取得|番号|情報|目的`)
)

func underIdentityHeading(s *model.Sentence) bool {
	for sec := s.Section(); sec != nil; sec = sec.Parent {
		if sec.Head != nil && identityHeading.MatchString(sec.Title) && !notIdentityHeading.MatchString(sec.Title) {
			return true
		}
	}
	return false
}

func runIdentity(p *engine.Pass) {
	scan := requestsOf(p)
	var evidence []model.Span
	for i, s := range p.Doc.Sentences {
		if (scan.zone[i] || scan.any && underIdentityHeading(s)) && identityIn(s) {
			evidence = append(evidence, s.Span)
		}
	}
	if len(evidence) > 0 {
		p.OK(evidence...)
		return
	}
	p.Missing(scan.anchor)
}

// ---- fee ----

var (
	// feeWord ties an amount to the fee; 料金 is left out because it is the
	// price of the service far more often than the fee for a request.
	feeWord = rx.MustCompile(`手数料|費用|実費|小為替|切手`)
	// feeAmount is an amount of yen, or a 【…】 blank where a drafted
	// clause leaves it (1件につき【金額】円: appi/placeholder reports the
	// blank). 〇〇円 is still a fee without an amount.
	feeAmount = rx.MustCompile(`\d[\d,]*\s*円|[一二三四五六七八九十百千万]+円|` + facts.PlaceholderValue + `\s*円`)
	// feeNone says that no fee is charged.
	feeNone = rx.MustCompile(`(?:手数料|費用)[^。]{0,25}(?:無料|不要|無償|(?:いただき|頂き|いただいて|頂いて|申し受け|徴収(?:いた)?し|徴収して|請求(?:いた)?し|請求して|頂戴(?:いた)?し|頂戴して|かかり|発生し|ご負担いただく必要は|ご負担いただくことは)(?:ておりません|おりません|ません|ありません))`)
	// feeFree says a request is free; it counts only in a sentence naming
	// the request, since 無料 is also the price of the service.
	feeFree = rx.MustCompile(`無料(?:で|にて|です|とします|といたします|となります|でご)|無償(?:で|にて|です|とします)`)
)

func runFee(p *engine.Pass) {
	doc := p.Doc
	scan := requestsOf(p)
	var evidence []model.Span
	for i, s := range doc.Sentences {
		if !scan.zone[i] {
			continue
		}
		if feeNone.MatchString(s.Text) || scan.mention[i] && feeFree.MatchString(s.Text) {
			evidence = append(evidence, s.Span)
			continue
		}
		if !feeAmount.MatchString(s.Text) {
			continue
		}
		// The amount belongs to the fee when the sentence, one of the two
		// before it in the same section, or the section title names the fee.
		tied := feeWord.MatchString(s.Text)
		for j := i - 1; !tied && j >= 0 && j >= i-2; j-- {
			if doc.Sentences[j].Section() == s.Section() || doc.Sentences[j].Block.Kind == model.Heading {
				tied = feeWord.MatchString(doc.Sentences[j].Text)
			}
		}
		for _, t := range s.Section().Titles() {
			tied = tied || feeWord.MatchString(t)
		}
		if tied {
			evidence = append(evidence, s.Span)
		}
	}
	if len(evidence) > 0 {
		p.OK(evidence...)
		return
	}
	p.Missing(scan.anchor)
}

// ---- declarations ----

var requestRules = []*engine.Rule{
	{
		ID:       "appi/request-procedure",
		Severity: engine.Error,
		Article:  engine.Text{JA: "法32条1項3号、37条1項、令12条", EN: "APPI Art. 32(1)(iii), 37(1); Order Art. 12"},
		Title:    engine.Text{JA: "開示等の請求に応じる手続", EN: "Procedure for the individual's requests"},
		Doc: engine.Text{
			JA: "開示等の請求をどこに、どのように行うかが書かれていれば充足です。請求の窓口とその連絡手段（住所、メールアドレス、電話、フォーム）、または方法（所定の申請書、手続を記した名前のあるページ・書面）が必要です。「法令に従い対応します」「窓口までご連絡ください」だけで連絡手段がない場合や、請求に結び付かない一般の問い合わせ先しかない場合は不足です。",
			EN: "Present when the policy says where and how the individual makes requests (開示等の請求): a contact point for these requests with a way to reach it (address, email, phone, form), or a method (a prescribed form, a named procedure page or document). \"We respond as the law requires\" or \"contact our desk\" with no way to reach anyone is missing, as is a general inquiry contact not tied to requests.",
		},
		Missing: engine.Text{
			JA: "開示等の請求に応じる手続（請求先の窓口と連絡方法、または請求の方法）が記載されていません（法32条1項3号、37条1項）。請求先と連絡手段、請求書の書式や送付方法を記載してください。",
			EN: "The procedure for the individual's requests (where to apply and how to reach it, or the method of applying) is not stated (APPI Art. 32(1)(iii), 37(1)). State the contact point with its address, email or form, and how requests are made.",
		},
		Fix: engine.Text{
			JA: "開示等のご請求は、当社所定の請求書に必要事項をご記入のうえ、本人確認書類を同封し、下記窓口まで郵送またはメールにてお申し出ください。\n【会社名】個人情報お問い合わせ窓口\n住所：【住所】\nメールアドレス：【メールアドレス】",
			EN: "Add where requests are sent and how: the contact point with its postal address, email or web form, and the form or procedure to use (e.g. a prescribed request form mailed with identity documents).",
		},
		Good: "開示等のご請求は、所定の請求書に本人確認書類を添えて下記窓口まで郵送してください。〒100-0001 東京都千代田区…",
		Bad:  "開示等のご請求には、法令に従い適切に対応いたします。",
		Run:  runProcedure,
	},
	requestKindRule(reqPurposeNotice, &engine.Rule{
		ID:       "appi/request-purpose-notice",
		Severity: engine.Warning,
		Article:  engine.Text{JA: "法32条2項", EN: "APPI Art. 32(2)"},
		Title:    engine.Text{JA: "利用目的の通知の求め", EN: "Request for notice of purposes of use"},
		Doc: engine.Text{
			JA: "本人が保有個人データの利用目的の通知を求めることができる旨が書かれていれば充足です（手数料の条項に出てくるだけでも可）。取得時の利用目的の通知・公表（法21条）は該当しません。",
			EN: "Present when the policy says the individual can request notice of the purposes of use of retained personal data (a mention in the fee clause counts). Notifying or publishing purposes at collection (Art. 21) is not this request.",
		},
		Missing: engine.Text{
			JA: "保有個人データの利用目的の通知の求め（法32条2項）に応じる旨が記載されていません。開示等の請求の対象に「利用目的の通知」を加えてください。",
			EN: "The policy does not say that the individual can request notice of the purposes of use (APPI Art. 32(2)). Add \"notice of purposes of use\" to the requests accepted.",
		},
		Fix: engine.Text{
			JA: "当社は、ご本人から保有個人データの利用目的の通知を求められた場合は、遅滞なく通知します。ご請求は【窓口の名称・連絡先】までお申し出ください。",
			EN: "Add that the operator notifies the individual of the purposes of use of retained personal data on request.",
		},
		Good: "保有個人データの利用目的の通知、開示…のご請求に応じます。",
		Bad:  "個人情報の開示、訂正、利用停止のご請求に応じます。",
	}),
	requestKindRule(reqDisclosure, &engine.Rule{
		ID:       "appi/request-disclosure",
		Severity: engine.Error,
		Article:  engine.Text{JA: "法33条1項", EN: "APPI Art. 33(1)"},
		Title:    engine.Text{JA: "開示の請求", EN: "Request for disclosure"},
		Doc: engine.Text{
			JA: "本人が自己の保有個人データの開示を請求できる旨が書かれていれば充足です（手数料の条項だけでも可）。「第三者への開示」「情報開示」など、本人の請求でない意味の「開示」は該当しません。",
			EN: "Present when the policy says the individual can request disclosure of their retained personal data (a mention in the fee clause counts). 開示 in another sense (disclosure to third parties, corporate disclosure) does not count.",
		},
		Missing: engine.Text{
			JA: "本人による保有個人データの開示の請求（法33条1項）に応じる旨が記載されていません。開示の請求に応じる旨と手続を記載してください。",
			EN: "The policy does not say the individual can request disclosure of their retained personal data (APPI Art. 33(1)). Add that such requests are accepted and how.",
		},
		Fix: engine.Text{
			JA: "当社は、ご本人から保有個人データの開示を請求された場合は、法令に従い遅滞なく開示します。ご請求は【窓口の名称・連絡先】までお申し出ください。",
			EN: "Add that the operator discloses retained personal data to the individual on request.",
		},
		Good: "ご本人は、当社が保有する自己の個人情報の開示を請求することができます。",
		Bad:  "当社は、ご本人の同意なく個人情報を第三者に開示しません。",
	}),
	requestKindRule(reqProvisionRecords, &engine.Rule{
		ID:       "appi/request-provision-records",
		Severity: engine.Warning,
		Article:  engine.Text{JA: "法33条5項", EN: "APPI Art. 33(5)"},
		Title:    engine.Text{JA: "第三者提供記録の開示の請求", EN: "Request for disclosure of third-party provision records"},
		Doc: engine.Text{
			JA: "本人が第三者提供記録（第三者への提供・第三者からの受領に係る記録）の開示を請求できる旨が書かれていれば充足です（2022年4月1日施行）。保有個人データの開示だけでは不足です。",
			EN: "Present when the policy says the individual can request disclosure of the records of provision to, and receipt from, third parties (in force since 2022-04-01). Disclosure of retained personal data alone is not enough.",
		},
		Missing: engine.Text{
			JA: "第三者提供記録の開示の請求（法33条5項）に応じる旨が記載されていません。開示等の請求の対象に「第三者提供記録の開示」を加えてください。",
			EN: "The policy does not say the individual can request disclosure of third-party provision records (APPI Art. 33(5)). Add it to the requests accepted.",
		},
		Fix: engine.Text{
			JA: "当社は、ご本人から第三者提供記録の開示を請求された場合は、法令に従い遅滞なく開示します。ご請求は【窓口の名称・連絡先】までお申し出ください。",
			EN: "Add that the operator discloses the records of third-party provision on request.",
		},
		Good: "保有個人データ及び第三者提供記録の開示のご請求に応じます。",
		Bad:  "保有個人データの開示のご請求に応じます。",
	}),
	requestKindRule(reqCorrection, &engine.Rule{
		ID:       "appi/request-correction",
		Severity: engine.Error,
		Article:  engine.Text{JA: "法34条1項", EN: "APPI Art. 34(1)"},
		Title:    engine.Text{JA: "訂正・追加・削除の請求", EN: "Request for correction, addition or deletion"},
		Doc: engine.Text{
			JA: "本人が保有個人データの内容の訂正・追加・削除を請求できる旨が書かれていれば充足です。アカウント削除の手順のように、本人の請求としての訂正等でない記述は該当しません。",
			EN: "Present when the policy says the individual can request correction, addition or deletion of the content of their retained personal data. Account deletion steps and similar text that is not such a request do not count.",
		},
		Missing: engine.Text{
			JA: "保有個人データの訂正・追加・削除の請求（法34条1項）に応じる旨が記載されていません。訂正等の請求に応じる旨を記載してください。",
			EN: "The policy does not say the individual can request correction, addition or deletion (APPI Art. 34(1)). Add that such requests are accepted.",
		},
		Fix: engine.Text{
			JA: "当社は、ご本人から保有個人データの内容が事実でないとして訂正、追加又は削除を請求された場合は、必要な調査を行い、その結果に基づき訂正等を行います。ご請求は【窓口の名称・連絡先】までお申し出ください。",
			EN: "Add that the operator corrects, adds to or deletes retained personal data that is untrue, on the individual's request.",
		},
		Good: "ご本人は、自己の個人情報の訂正・追加・削除を請求することができます。",
		Bad:  "アカウントを削除すると、登録情報は削除されます。",
	}),
	requestKindRule(reqSuspension, &engine.Rule{
		ID:       "appi/request-suspension",
		Severity: engine.Error,
		Article:  engine.Text{JA: "法35条1項・5項", EN: "APPI Art. 35(1), (5)"},
		Title:    engine.Text{JA: "利用停止・消去の請求", EN: "Request to stop using or erase"},
		Doc: engine.Text{
			JA: "本人が保有個人データの利用停止又は消去を請求できる旨が書かれていれば充足です。メール配信やCookieの停止は該当せず、「削除」（法34条）は利用停止・消去に当たりません。",
			EN: "Present when the policy says the individual can request that use of retained personal data stop or that it be erased. Stopping newsletters or cookies does not count, and deletion (削除, Art. 34) is not 利用停止・消去.",
		},
		Missing: engine.Text{
			JA: "保有個人データの利用停止・消去の請求（法35条1項・5項）に応じる旨が記載されていません。利用停止等の請求に応じる旨を記載してください。",
			EN: "The policy does not say the individual can request that use stop or that data be erased (APPI Art. 35(1), (5)). Add that such requests are accepted.",
		},
		Fix: engine.Text{
			JA: "当社は、ご本人から保有個人データの利用の停止又は消去を請求された場合であって、その請求に理由があるときは、遅滞なく利用停止等を行います。ご請求は【窓口の名称・連絡先】までお申し出ください。",
			EN: "Add that the operator stops using or erases retained personal data on a justified request.",
		},
		Good: "ご本人は、自己の個人情報の利用停止または消去を請求することができます。",
		Bad:  "メールマガジンの配信停止は設定画面から行えます。",
	}),
	requestKindRule(reqThirdPartyStop, &engine.Rule{
		ID:       "appi/request-third-party-stop",
		Severity: engine.Error,
		Article:  engine.Text{JA: "法35条3項", EN: "APPI Art. 35(3)"},
		Title:    engine.Text{JA: "第三者提供の停止の請求", EN: "Request to stop provision to third parties"},
		Doc: engine.Text{
			JA: "本人が保有個人データの第三者への提供の停止を請求できる旨が書かれていれば充足です。利用停止・消去だけでは不足です。オプトアウト（法27条2項）による提供停止は別の義務です。",
			EN: "Present when the policy says the individual can request that provision of retained personal data to third parties stop. 利用停止・消去 alone is not this request; the opt-out stop of Art. 27(2) is a different duty.",
		},
		Missing: engine.Text{
			JA: "保有個人データの第三者提供の停止の請求（法35条3項）に応じる旨が記載されていません。開示等の請求の対象に「第三者提供の停止」を加えてください。",
			EN: "The policy does not say the individual can request that provision to third parties stop (APPI Art. 35(3)). Add it to the requests accepted.",
		},
		Fix: engine.Text{
			JA: "当社は、ご本人から保有個人データの第三者への提供の停止を請求された場合であって、その請求に理由があるときは、遅滞なく第三者への提供を停止します。ご請求は【窓口の名称・連絡先】までお申し出ください。",
			EN: "Add that the operator stops providing retained personal data to third parties on a justified request.",
		},
		Good: "ご本人は、自己の個人情報の利用停止、消去及び第三者提供の停止を請求することができます。",
		Bad:  "ご本人は、自己の個人情報の利用停止または消去を請求することができます。",
	}),
	{
		ID:       "appi/identity-verification",
		Severity: engine.Warning,
		Article:  engine.Text{JA: "令12条3号", EN: "Order Art. 12(iii)"},
		Title:    engine.Text{JA: "請求者の本人確認の方法", EN: "How requesters are identified"},
		Doc: engine.Text{
			JA: "開示等の請求をする者が本人又は代理人であることの確認方法（本人確認書類、運転免許証の写し、委任状、所定の方法による本人確認など）が書かれていれば充足です。「本人であることを確認のうえ」だけで方法がない場合は不足です。",
			EN: "Present when the policy says how a requester (the individual or an agent) is identified: identity documents, a copy of a driving licence, a power of attorney, or a stated method. \"After confirming that you are the individual\" without saying how is missing.",
		},
		Missing: engine.Text{
			JA: "開示等の請求者が本人又は代理人であることの確認方法（令12条3号）が記載されていません。提出を求める本人確認書類や確認の方法を記載してください。",
			EN: "How requesters (the individual or an agent) are identified is not stated (Cabinet Order Art. 12(iii)). State the identity documents or verification method.",
		},
		Fix: engine.Text{
			JA: "ご請求の際は、ご本人確認のため【運転免許証、パスポート等の本人確認書類】の写しを同封してください。代理人によるご請求の場合は、【委任状及び代理人の本人確認書類】を併せてご提出ください。",
			EN: "State which identity documents (e.g. a copy of a driving licence or passport) the requester submits, and for agents a power of attorney and the agent's documents.",
		},
		Good: "ご請求の際は、運転免許証等の本人確認書類の写しを同封してください。",
		Bad:  "ご本人であることを確認のうえ、対応いたします。",
		Run:  runIdentity,
	},
	{
		ID:       "appi/fee",
		Severity: engine.Warning,
		Article:  engine.Text{JA: "法32条1項3号括弧書、38条", EN: "APPI Art. 32(1)(iii), 38"},
		Title:    engine.Text{JA: "開示等の手数料", EN: "Fee for requests"},
		Doc: engine.Text{
			JA: "開示等の請求に手数料を求めるか、求める場合はその額（1件につき1,000円など）が書かれていれば充足です。「手数料は無料」「手数料はいただきません」も充足です。手数料に触れていない場合や、実費・所定の手数料など額の記載がない場合は不足です。",
			EN: "Present when the policy says whether requests carry a fee and, if so, its amount (e.g. 1,000 yen per request), or that there is none. Silence on fees, or a fee without an amount (actual costs, the prescribed fee), is missing.",
		},
		Missing: engine.Text{
			JA: "開示等の請求の手数料の有無とその額（法32条1項3号括弧書、38条）が記載されていません。手数料の額（例：1件につき【金額】円）または無料である旨を記載してください。",
			EN: "Whether a fee is charged for requests and its amount is not stated (APPI Art. 32(1)(iii), 38). State the amount per request, or that there is no fee.",
		},
		Fix: engine.Text{
			JA: "利用目的の通知又は開示のご請求については、1件につき【金額】円（税込）の手数料をいただきます。【手数料の支払方法】によりお支払いください。",
			EN: "State the fee per request (for notice of purposes and disclosure) and how it is paid, or state that requests are free of charge.",
		},
		Good: "開示のご請求には、1件につき1,000円の手数料をいただきます。",
		Bad:  "開示のご請求には、所定の手数料をいただきます。",
		Run:  runFee,
	},
}
