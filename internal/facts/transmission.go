package facts

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Transmission is what the policy says about external transmission
// (電気通信事業法27条の12): users' information sent to outside parties
// through cookies, tags, SDKs, analytics or advertising modules.
// First-party cookies that only the operator reads are not external
// transmission.
type Transmission struct {
	// Triggers are the sentences that state such a transmission, in
	// document order.
	Triggers []*model.Sentence
	// Groups are the transmissions described: each trigger with the text
	// around it (its section, the lists and tables that follow), merged
	// where they overlap.
	Groups []TransmissionGroup
}

// TransmissionGroup is one described transmission (or several described
// together) with what the policy states about it.
type TransmissionGroup struct {
	Triggers []*model.Sentence
	// First and Last are the indexes of the group's first and last blocks.
	First, Last int
	// Content is what information is sent (閲覧履歴, IPアドレス, 広告ID…).
	Content []Mention
	// Recipients are the names of recipients (Google LLC, グーグル合同会社,
	// a named product such as Google Analytics). They may include the
	// operator's own name, which only the caller can tell apart.
	Recipients []Mention
	// Purposes are statements of what the information is used for.
	Purposes []Mention
	// Unnamed are recipients referred to only generically (提携する第三者,
	// 広告配信事業者, パートナー企業), each with the names written near it.
	Unnamed []UnnamedRecipient
	// Deferred are sentences that send the reader to the operator's own
	// separate notice on external transmission (「外部送信の詳細は外部送信
	// ポリシーのページに掲載しています」), where the items are published.
	Deferred []Mention
}

// Mention is a span of text that states one item.
type Mention struct {
	Text     string
	Span     model.Span
	Sentence *model.Sentence
}

// UnnamedRecipient is a generic reference to the parties that receive the
// information, with the names written in its block and in the text that
// follows it (a list of the companies, a table). When Near holds no name
// other than the operator's own, the recipient is not identified.
type UnnamedRecipient struct {
	Mention
	Near []Mention
	// Blank is true when the recipient field of a table row is left empty;
	// the mention is then the row's first cell (the module) or the label.
	Blank bool
}

// Limits of the text that belongs to a transmission statement.
const (
	// txBack is how many blocks before a trigger, up to its section's
	// heading, belong to it (the section's opening sentences).
	txBack = 12
	// txForward is how many blocks after a trigger may belong to it (the
	// list of modules or companies, a table).
	txForward = 40
	// txListItemRunes is the longest line taken as an item of a list of
	// recipients introduced by 「下記の企業」.
	txListItemRunes = 40
)

var (
	// txStrong are terms that by themselves name a transmission to an
	// outside party: third-party cookies, 情報収集モジュール (the term of the
	// 総務省 guidelines) and 外部送信.
	txStrong = rx.MustCompile(`(?i)3rd[ -]?party[ -]?cookie|third[ -]party[ -]?cookie|サードパーティー?[ ・]?(?:Cookie|クッキー)|第三者(?:の)?(?:Cookie|クッキー)|情報収集モジュール|外部送信`)
	// txProducts are analytics, tag and advertising products whose use
	// sends users' information to their provider. Infrastructure that
	// merely processes data for the operator (Firebase hosting, a cloud) is
	// not listed.
	txProducts = rx.MustCompile(`(?i)Google ?Analytics|Google ?アナリティクス|グーグル ?アナリティクス|Google ?Tag ?Manager|Google ?タグ ?マネージャー?|Google ?Ads\b|Google ?広告|AdSense|Google ?アドセンス|グーグル ?アドセンス|AdMob|DoubleClick|Google Marketing Platform|Firebase ?(?:Analytics|Crashlytics)|Facebook ?(?:Pixel|ピクセル|SDK)|Meta ?(?:Pixel|ピクセル)|Adobe ?Analytics|Microsoft ?Clarity|Hotjar|Mixpanel|Amplitude|AppsFlyer|Adjust ?SDK|Crashlytics|Yahoo!? ?(?:広告|タグマネージャー|Tag Manager)|Criteo|クリテオ|TikTok ?(?:Pixel|ピクセル)|LINE ?(?:Tag|タグ)`)
	// txTech are the means of transmission; with an outside party in the
	// same sentence they make a trigger.
	txTech = rx.MustCompile(`(?i)Cookie|クッキー|ビーコン|beacon|タグ|SDK|アプリ開発キット|モジュール|ピクセル|pixel|解析ツール|分析ツール|計測ツール|アクセス解析|アクス解析|広告配信サービス|行動ターゲティング|ターゲティング広告|リターゲティング|インタレストベース広告|広告ID|広告識別子`)
	// txNotTech are look-alikes that are not web technology: a Bluetooth
	// beacon, a hashtag.
	txNotTech = rx.MustCompile(`(?i)BLE ?ビーコン|Bluetooth ?ビーコン|ハッシュタグ|タグ付け`)
	// txActor are outside parties that receive or collect the information.
	txActor = rx.MustCompile(`第三者|提携先|提携企業|提携する(?:企業|事業者|会社|広告)|パートナー企業|パートナー|配信事業者|広告配信(?:サービス)?(?:事業者|会社|提供会社|業者)|広告事業者|広告会社|外部(?:の)?(?:事業者|企業|サービス|サーバ|ツール)|他社|他の事業者|ツール提供者|モジュール提供者|提供元|(?:企業|会社|事業者)が提供する`)
	// txAdAction is what an outside party does with the information when
	// the sentence itself names no technology but its section is about
	// cookies or advertising.
	txAdAction = rx.MustCompile(`配信|送信|取得|収集|設定|記録|蓄積|読み取`)
	// txProvision is the operator providing data to a party (法27条).
	txProvision = rx.MustCompile(`(?:第三者|提携先|提携企業|パートナー企業)(?:に|へ)(?:対して|対し)?[^。]{0,6}提供`)
	// txTopicTitle marks a heading about cookies, modules or external
	// transmission: the text under it belongs to the transmission.
	txTopicTitle = rx.MustCompile(`(?i)Cookie|クッキー|外部送信|モジュール|アクセス解析|解析ツール|広告|SDK|タグ|ビーコン|トラッキング|類似技術|外部サービス|外部ツール|アナリティクス|Analytics|送信される情報|送信情報`)

	// txGeneric is a generic reference to the receiving parties.
	txGeneric = rx.MustCompile(`第三者(?:企業|事業者|配信事業者)?|提携先|提携(?:する|している)?(?:企業|事業者|会社)|パートナー企業|パートナー|広告配信(?:サービス)?(?:事業者|会社|提供会社|業者)|配信事業者|広告事業者|広告会社|外部(?:の)?(?:事業者|企業)|他社|他の事業者|ツール提供者|(?:情報収集)?モジュール提供者|提供会社|提供元`)
	// txAnaphor before a generic reference points back at parties already
	// named (これらの第三者, 各広告配信事業者).
	txAnaphor = rx.MustCompile(`(?:これら|それら|あれら|こちら)の$|(?:各|当該|上記|前記|上述|前述|同|その|こうした|かかる|それぞれの)$`)
	// txDefinition is a sentence that defines a term (情報収集モジュールとは、…):
	// its parties are hypothetical.
	txDefinition = rx.MustCompile(`とは[、,]?`)
	// txOwnParty after a generic reference says it is the operator (提供元（当社）).
	txOwnParty = rx.MustCompile(`^\s*\((?:当社|弊社|当方)`)

	// txRecipientLabel is a field or column naming the recipient.
	txRecipientLabel = rx.MustCompile(`提供元|提供者|提供会社|提供事業者|送信先|提携先|事業者名|会社名|事業者の名称|送信先の名称|提供先`)
	// txBareRecipientLabel is a recipient label and nothing else.
	txBareRecipientLabel = rx.MustCompile(`^[^\s:。、]{0,15}(?:提供元|提供者|提供会社|提供事業者|送信先|提携先|事業者名|会社名|提供先)(?:の名称)?$`)
	// txPurposeLabel is a field or column giving the purpose.
	txPurposeLabel = rx.MustCompile(`目的`)
	// txContentLabel is a field or column giving what is sent.
	txContentLabel = rx.MustCompile(`情報|項目|データ|内容`)
	// txNotContentLabel are fields that merely contain 情報 or データ.
	txNotContentLabel = rx.MustCompile(`名称|名$|URL|方法|手段|有無|ポリシー|期間|期限|拒否|オプトアウト|保管|保存|停止|開示|削除|修正|エクスポート|提供者|提供元|収集モジュール`)
	// txColonField is 「label: value」 inside a sentence or list item.
	txColonField = rx.MustCompile(`([^\s:、。・•◾*()\[\]]{1,20})\s*:\s*([^\s:].*)$`)

	// txContentWords are kinds of information that a module sends.
	txContentWords = rx.MustCompile(`閲覧履歴|行動履歴|アクセス履歴|利用履歴|購買履歴|購入履歴|検索履歴|視聴履歴|位置情報|IP ?アドレス|端末識別子|識別子|端末情報|端末機器情報|デバイス情報|機器情報|広告ID|広告識別子|IDFA|AAID|GAID|AdID|ADID|Advertising ID|(?:Cookie|cookie|クッキー) ?ID|(?:Cookie|cookie|クッキー)(?:の)?情報|アクセス(?:情報|状況|ログ|データ|日時)|利用状況|利用環境|閲覧(?:情報|状況|日時|したページ|ページ)|(?:ページ|アクセスした|閲覧した|参照元|リファラー?)(?:の)?URL|URL情報|リファラ|参照元|ブラウザ(?:の)?(?:種類|情報)|\bOS\b|ユーザーエージェント|行動データ|イベント情報|クラッシュログ|エラー情報|プッシュトークン|ユーザーID|会員ID|検索クエリ|クリック|表示回数|広告表示データ|属性情報|ログ情報|トラフィック(?:データ|情報)|操作履歴|操作ログ`)
	// txBareTech is a technology named where the information sent belongs.
	txBareTech = rx.MustCompile(`(?i)^(?:(?:3rd|third|サードパーティー?|ファーストパーティー?)[ ・-]?(?:party)?[ ・-]?)?(?:Cookie|クッキー|ビーコン|タグ|SDK|ピクセル|pixel)(?:等|など|類)?$`)
	// txPurposeWords are the uses a recipient makes of the information.
	txPurposeWords = rx.MustCompile(`分析|解析|計測|測定|広告|配信|改善|向上|最適化|把握|統計|マーケティング|効果|品質|監視|通知|認証|不正|セキュリティ|パーソナライズ|カスタマイズ|ターゲティング|利便性|表示|調査|研究|開発|レコメンド|推奨|サービス(?:の)?提供`)
	// txPurposeMarker turns a use into a stated purpose.
	txPurposeMarker = rx.MustCompile(`ため|目的|役立て|に利用|に使用|に活用|に用い|を行(?:い|う|っ)`)
	// txPurposePhrase is a purpose named as a use (アクセス解析, 広告配信).
	txPurposePhrase = rx.MustCompile(`アクセス解析|アクス解析|利用状況(?:の)?(?:分析|解析|把握|計測)|広告(?:の)?配信|効果測定|サービス(?:の)?(?:改善|向上)|トラフィック(?:の)?(?:分析|調査)|行動ターゲティング`)
	// txPartyTail after a use makes it the name of a kind of party
	// (広告配信事業者, アクセス解析ツール提供者).
	txPartyTail = rx.MustCompile(`^(?:サービス)?(?:事業者|会社|業者|提供会社|提供者|ツール提供)`)

	// txVendor are well-known recipients, named by company or product.
	txVendor = rx.MustCompile(`Google|グーグル|Yahoo!?|ヤフー|Facebook|フェイスブック|Meta\b|Instagram|Twitter|LINE\b|Microsoft|マイクロソフト|Adobe|アドビ|Amazon|アマゾン|Criteo|CRITEO|クリテオ|Treasure ?Data|トレジャーデータ|TikTok|Salesforce|HubSpot|Hotjar|Mixpanel|Amplitude|AppsFlyer|Sentry|Intercom|PostHog|Mapbox|RevenueCat|Firebase|AdMob|DoubleClick|Clarity|KARTE|Repro|Braze`)
	// txBrowser are products named in cookie sections as browsers or
	// other services, not as recipients (Google Chrome, Apple Safari).
	txBrowser = rx.MustCompile(`^\s*(?:Chrome|Safari|Firefox|Edge|Internet Explorer|Opera|Play|App Store|Workspace|Cloud|Drive|Maps|アカウント)`)
	// txCompanySha is a company named with 社 (Google社, グーグル社).
	txCompanySha = rx.MustCompile(`[A-Za-z][A-Za-z0-9!.&\- ]{1,30}社|[\p{Katakana}ー]{2,}社`)
	// txDeferral sends the reader to a separate notice on external
	// transmission.
	txDeferral = rx.MustCompile(`(?:外部送信|送信される情報|送信先|情報収集モジュール)[^。]*(?:別ページ|別途|専用ページ|こちら|下記のページ|以下のページ|https?://)[^。]*(?:記載|掲載|公表|ご確認|ご覧|参照)`)
	// txOthersPolicy is a reference to the recipients' own policies, which
	// publish nothing for the operator.
	txOthersPolicy = rx.MustCompile(`各社|各事業者|提供元の|提供者の|送信先の(?:プライバシー|ポリシー)|それぞれの|Google|グーグル`)
	// txLatinName is a name in Latin letters (Sample, PostHog).
	txLatinName = rx.MustCompile(`[A-Z][A-Za-z0-9]+`)
	// txPointer ends a sentence that sends the reader elsewhere (詳しくは
	// 「外部送信について」をご覧ください): a title quoted there names a
	// section or page, it does not state a transmission.
	txPointer = rx.MustCompile(`^[^。]*(?:ご覧|参照|ご確認|お読み|確認して)`)
	// txProviderOf links a named business to the technology it provides
	// (〇〇株式会社の広告配信サービス, 〇〇が提供するタグ, 〇〇によるCookie).
	txProviderOf = rx.MustCompile(`^\s*社?\s*(?:の|が(?:提供|運営|配信|設定)(?:する|している)|提供の|による|により|によって)[^、。]{0,12}?$`)
	// txSentTo after a name makes it the destination of a transmission.
	txSentTo = rx.MustCompile(`^\s*社?\s*(?:に|へ)(?:対し(?:て)?)?[、,]?\s*(?:送信|送ら|転送)`)
	// txReferral introduces a list of the recipients that follows.
	txReferral = rx.MustCompile(`(?:以下|下記|次)(?:の|に記載する|に掲げる)[^。]{0,15}?(?:企業|会社|事業者|提携先|第三者|ツール|サービス|モジュール|パートナー|提供者|送信先)`)
)

// findTransmission finds the statements of external transmission and,
// for each, what is sent, to whom and for what purpose. own are the names
// the policy defines for its operator: its cookies and tags are first-party.
func findTransmission(doc *model.Document, own []string) Transmission {
	var t Transmission
	if len(doc.Blocks) == 0 {
		return t
	}
	type window struct{ first, last int }
	var wins []window
	for _, s := range doc.Sentences {
		if !isTransmissionTrigger(s, own) {
			continue
		}
		t.Triggers = append(t.Triggers, s)
		first, last := txWindow(doc, s.Block)
		wins = append(wins, window{first, last})
	}
	// Merge overlapping windows: their triggers describe one transmission.
	for i := 0; i < len(wins); {
		g := TransmissionGroup{First: wins[i].first, Last: wins[i].last}
		j := i
		for ; j < len(wins) && wins[j].first <= g.Last+1; j++ {
			g.Triggers = append(g.Triggers, t.Triggers[j])
			g.Last = max(g.Last, wins[j].last)
		}
		describeGroup(doc, &g)
		t.Groups = append(t.Groups, g)
		i = j
	}
	return t
}

// isTransmissionTrigger reports whether a sentence states that users'
// information goes to an outside party through a module, tag or cookie.
// Headings only scope: 「外部送信の有無」 may be followed by 「ありません」.
func isTransmissionTrigger(s *model.Sentence, own []string) bool {
	if s.Block == nil || s.Block.Kind == model.Heading {
		return false
	}
	text := s.Text
	if strongStatement(s) || affirmedMatch(s, txProducts) {
		return true
	}
	var techs [][]int
	for _, loc := range txTech.FindAllStringIndex(text, -1) {
		if !notTechAt(text, loc) {
			techs = append(techs, loc)
		}
	}
	hasTech := len(techs) > 0
	if hasTech && providedByName(s, techs, own) {
		return true
	}
	if !txActor.MatchString(text) {
		return false
	}
	if !hasTech && !(underTopic(s) && txAdAction.MatchString(text)) {
		return false
	}
	// 「Cookie情報を第三者に提供することがあります」 is a provision by the
	// operator (法27条, 31条), not a transmission from the user's device.
	if txProvision.MatchString(text) && !strings.Contains(text, "送信") {
		return false
	}
	return affirmedMatch(s, txActor)
}

// strongStatement reports whether a sentence affirms a term that by
// itself names an outside transmission (外部送信, 3rd Party Cookie), other
// than as the quoted title of a section or page it points to.
func strongStatement(s *model.Sentence) bool {
	for _, loc := range txStrong.FindAllStringIndex(s.Text, -1) {
		if citedTitle(s.Text, loc) || !txAffirmedAt(s, s.Span.Start+loc[0]) {
			continue
		}
		return true
	}
	return false
}

// citedTitle reports whether a match lies inside 「…」 in a sentence that
// points the reader elsewhere (詳しくは「外部送信について」をご覧ください).
func citedTitle(text string, loc []int) bool {
	open := strings.LastIndex(text[:loc[0]], "「")
	if open < 0 || strings.Contains(text[open:loc[0]], "」") {
		return false
	}
	end := strings.Index(text[loc[1]:], "」")
	return end >= 0 && txPointer.MatchString(text[loc[1]+end:])
}

// providedByName reports whether one of the technologies at techs is
// provided by a business named just before it (〇〇株式会社の広告配信
// サービス, Google LLCが提供するタグ), or sends to one named after it, other
// than the operator: a named outside recipient.
func providedByName(s *model.Sentence, techs [][]int, own []string) bool {
	text := s.Text
	names := entitiesIn(text)
	for _, v := range txVendor.FindAllStringIndex(text, -1) {
		names = append(names, [2]int{v[0], v[1]})
	}
	for _, n := range names {
		if isOperatorName(text[n[0]:n[1]], own) {
			continue
		}
		// The first technology after the name, if the name provides it.
		i := sort.Search(len(techs), func(i int) bool { return techs[i][0] >= n[1] })
		if i < len(techs) && txProviderOf.MatchString(text[n[1]:techs[i][0]]) && txAffirmedAt(s, s.Span.Start+techs[i][0]) {
			return true
		}
		// What a technology read is sent to the name (Cookieの識別子が
		// 〇〇株式会社に送信されます).
		if techs[0][1] <= n[0] && txSentTo.MatchString(text[n[1]:]) && txAffirmedAt(s, s.Span.Start+n[1]) {
			return true
		}
	}
	return false
}

// notTechAt reports whether a technology match is part of a look-alike
// (BLEビーコン).
func notTechAt(text string, loc []int) bool {
	for _, nl := range txNotTech.FindAllStringIndex(text, -1) {
		if nl[0] <= loc[0] && loc[1] <= nl[1] {
			return true
		}
	}
	return false
}

// affirmedMatch reports whether re matches in a clause that states a fact:
// not negated (導入しておりません) and not a condition (導入する場合は).
func affirmedMatch(s *model.Sentence, re *rx.Regexp) bool {
	for _, loc := range re.FindAllStringIndex(s.Text, -1) {
		if txAffirmedAt(s, s.Span.Start+loc[0]) {
			return true
		}
	}
	return false
}

// txAffirmedAt reports whether the clause at a document offset is neither
// negated nor conditional.
func txAffirmedAt(s *model.Sentence, off int) bool {
	c := s.ClauseAt(off)
	return c == nil || !c.Negated && !c.Conditional
}

// underTopic reports whether a sentence lies under a heading about
// cookies, modules or external transmission.
func underTopic(s *model.Sentence) bool {
	for sec := s.Section(); sec != nil; sec = sec.Parent {
		if sec.Head != nil && txTopicTitle.MatchString(sec.Title) {
			return true
		}
	}
	return false
}

// txWindow returns the blocks that belong to a trigger in block b: back to
// its section's heading (a few blocks at most), and forward until a
// heading that is neither deeper than the trigger's section nor about the
// same topic.
func txWindow(doc *model.Document, b *model.Block) (int, int) {
	first := b.Index
	for i := b.Index; i >= 0 && i >= b.Index-txBack; i-- {
		first = i
		if doc.Blocks[i].Kind == model.Heading {
			break
		}
	}
	level := 0
	if sec := b.Section; sec != nil && sec.Head != nil {
		level = sec.Level
	}
	last := b.Index
	for i := b.Index + 1; i < len(doc.Blocks) && i <= b.Index+txForward; i++ {
		nb := doc.Blocks[i]
		if nb.Kind == model.Heading && (level == 0 || nb.Level <= level) && !txTopicTitle.MatchString(nb.Text) {
			break
		}
		last = i
	}
	return first, last
}

// describeGroup collects what the group's text states: content,
// recipients, purposes, and generic recipients with the names near them.
func describeGroup(doc *model.Document, g *TransmissionGroup) {
	names := make([][]Mention, g.Last-g.First+1) // names per block of the group, from g.First
	var header *tableHead                        // the current table's header row
	listFrom := -1                               // blocks after this one may be list items naming recipients
	for i := g.First; i <= g.Last; i++ {
		b := doc.Blocks[i]
		if b.Kind == model.TableRow {
			// Only the first row of a table can be its header.
			if h := tableHeader(doc, b); h != nil && (i == 0 || doc.Blocks[i-1].Kind != model.TableRow) {
				header = h
				continue
			}
			for _, f := range tableFields(doc, b, header) {
				m := mentionAt(doc, b, f.span)
				if f.blank {
					// A transmission whose recipient field is left empty.
					g.Unnamed = append(g.Unnamed, UnnamedRecipient{Mention: m, Blank: true})
					continue
				}
				switch f.kind {
				case fieldRecipient:
					if genericValue(m.Text) {
						g.Unnamed = append(g.Unnamed, UnnamedRecipient{Mention: m})
						continue
					}
					g.Recipients = append(g.Recipients, m)
					names[i-g.First] = append(names[i-g.First], m)
				case fieldPurpose:
					g.Purposes = append(g.Purposes, m)
				case fieldContent:
					if bareTech(m.Text) {
						continue
					}
					g.Content = append(g.Content, m)
				}
			}
		} else {
			header = nil
			if emptyLabelRow(doc, b) {
				sp := model.Span{Start: b.Span.Start, End: b.Span.Start + len(strings.TrimSpace(b.Text))}
				g.Unnamed = append(g.Unnamed, UnnamedRecipient{Mention: mentionAt(doc, b, sp), Blank: true})
			}
		}
		for _, s := range doc.SentencesOf(b) {
			ns := namesIn(s)
			if listFrom >= 0 && i > listFrom && isListedName(b, s) {
				ns = append(ns, Mention{Text: strings.TrimSpace(s.Text), Span: s.Span, Sentence: s})
			}
			names[i-g.First] = append(names[i-g.First], ns...)
			g.Recipients = append(g.Recipients, ns...)
			if b.Kind != model.TableRow {
				for _, m := range colonField(s, fieldRecipient) {
					if genericValue(m.Text) {
						g.Unnamed = append(g.Unnamed, UnnamedRecipient{Mention: m})
					}
				}
				for _, m := range colonField(s, fieldContent) {
					if !bareTech(m.Text) {
						g.Content = append(g.Content, m)
					}
				}
				g.Purposes = append(g.Purposes, colonField(s, fieldPurpose)...)
			}
			if m, ok := firstMatch(s, txContentWords); ok {
				g.Content = append(g.Content, m)
			}
			if m, ok := purposeIn(s); ok {
				g.Purposes = append(g.Purposes, m)
			}
			if txReferral.MatchString(s.Text) {
				listFrom = i
			}
			if txDeferral.MatchString(s.Text) && !txOthersPolicy.MatchString(s.Text) {
				g.Deferred = append(g.Deferred, Mention{Text: s.Text, Span: s.Span, Sentence: s})
			}
		}
		if listFrom >= 0 && i > listFrom && !isListLike(b, doc.SentencesOf(b)) {
			listFrom = -1
		}
	}
	for _, s := range g.Triggers {
		u, ok := genericRecipient(s)
		if !ok {
			continue
		}
		// The names in the trigger's block and in the text that follows it.
		_, last := txWindow(doc, s.Block)
		last = min(last, g.Last)
		for i := s.Block.Index; i <= last; i++ {
			u.Near = append(u.Near, names[i-g.First]...)
		}
		g.Unnamed = append(g.Unnamed, u)
	}
}

// fieldKind says what a table cell or labelled field states.
type fieldKind int

const (
	fieldNone fieldKind = iota
	fieldRecipient
	fieldPurpose
	fieldContent
)

// labelKind classifies a field label or column header.
func labelKind(label string) fieldKind {
	label = strings.TrimSpace(label)
	if label == "" || utf8.RuneCountInString(label) > 25 {
		return fieldNone
	}
	switch {
	case txRecipientLabel.MatchString(label):
		return fieldRecipient
	case txPurposeLabel.MatchString(label):
		return fieldPurpose
	case txContentLabel.MatchString(label) && !txNotContentLabel.MatchString(label):
		return fieldContent
	}
	return fieldNone
}

type field struct {
	kind fieldKind
	span model.Span
	// blank is true for a recipient cell left empty in a row that states
	// something else: span is then the row's first cell.
	blank bool
}

// tableHead is a table's header row: the kind of each labelled column and
// the number of cells.
type tableHead struct {
	cols  map[int]fieldKind
	width int
}

// tableHeader returns the header of a table whose first row is b (| モジュール名 |
// 提供元 | 送信される情報 | 利用目的 |), or nil when b is not one. A row
// of two cells is a label and its value, never a header.
func tableHeader(doc *model.Document, b *model.Block) *tableHead {
	cells := rowCells(doc, b)
	if len(cells) < 3 {
		return nil
	}
	cols := map[int]fieldKind{}
	for i, c := range cells {
		if k := labelKind(doc.Slice(c)); k != fieldNone {
			cols[i] = k
		}
	}
	if len(cols) < 2 {
		return nil
	}
	return &tableHead{cols: cols, width: len(cells)}
}

// tableFields returns the fields of a table row: under a header, its
// cells by column; otherwise a label cell and the cells after it. A
// recipient cell left empty is returned as blank, but only in a row whose
// cells line up with the header (a merged cell shifts them) and that
// states something else (a separator row states nothing).
func tableFields(doc *model.Document, b *model.Block, head *tableHead) []field {
	cells := rowCells(doc, b)
	var out []field
	if head != nil {
		blank, values := false, 0
		for i, c := range cells {
			v := doc.Slice(c)
			if hasValue(v) {
				values++
			}
			k, ok := head.cols[i]
			switch {
			case !ok:
			case hasValue(v):
				out = append(out, field{kind: k, span: c})
			case k == fieldRecipient && blankCell(v):
				blank = true
			}
		}
		if blank && values > 0 && len(cells) == head.width {
			out = append(out, field{kind: fieldRecipient, span: cells[0], blank: true})
		}
		return out
	}
	if len(cells) < 2 {
		return nil
	}
	k := labelKind(doc.Slice(cells[0]))
	if k == fieldNone {
		return nil
	}
	for _, c := range cells[1:] {
		if hasValue(doc.Slice(c)) {
			out = append(out, field{kind: k, span: c})
		}
	}
	return out
}

// emptyLabelRow reports whether b is a recipient label standing alone
// between the rows of a label/value table: a row whose value cell was left
// empty, which loses its tab and becomes a line of its own.
func emptyLabelRow(doc *model.Document, b *model.Block) bool {
	i := b.Index
	return b.Kind == model.Paragraph && i > 0 && i+1 < len(doc.Blocks) &&
		doc.Blocks[i-1].Kind == model.TableRow && doc.Blocks[i+1].Kind == model.TableRow &&
		txBareRecipientLabel.MatchString(strings.TrimSpace(b.Text))
}

// rowCells splits a table row into its cells, keeping empty ones so that
// columns line up with the header (model.Block.Cells drops them). Each
// span is trimmed; an empty cell is an empty span at its place.
func rowCells(doc *model.Document, b *model.Block) []model.Span {
	text := doc.Slice(b.Span)
	sep := "\t"
	if t := strings.TrimSpace(text); strings.HasPrefix(t, "|") {
		sep = "|"
	} else if !strings.Contains(text, "\t") {
		return b.Cells
	}
	var out []model.Span
	off := b.Span.Start
	parts := strings.Split(text, sep)
	for i, p := range parts {
		// The pipes that open and close a markdown row bound no cell.
		if sep == "|" && (i == 0 || i == len(parts)-1) && strings.TrimSpace(p) == "" {
			off += len(p) + len(sep)
			continue
		}
		t := strings.TrimSpace(p)
		lo := off + strings.Index(p, t) // an empty cell sits at its start
		out = append(out, model.Span{Start: lo, End: lo + len(t)})
		off += len(p) + len(sep)
	}
	return out
}

// hasValue reports whether a cell holds something (not a markdown rule,
// a dash, なし or ↑).
func hasValue(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), ":-|↑—–")
	switch s {
	case "", "なし", "無", "無し", "ー", "―":
		return false
	}
	return true
}

// bareTech reports whether a stated content is only the means of
// transmission (送信される情報：Cookie): that names no information.
func bareTech(s string) bool {
	return txBareTech.MatchString(strings.TrimSpace(s))
}

// blankCell reports whether a cell was left empty (or holds only a dash):
// 「なし」 and 「↑」 (as above) say something.
func blankCell(s string) bool {
	return strings.Trim(strings.TrimSpace(s), "-—–ー―") == ""
}

// mentionAt makes a mention of a span of block b.
func mentionAt(doc *model.Document, b *model.Block, sp model.Span) Mention {
	var s *model.Sentence
	for _, cand := range doc.SentencesOf(b) {
		s = cand
		if cand.Span.End > sp.Start {
			break
		}
	}
	return Mention{Text: doc.Slice(sp), Span: sp, Sentence: s}
}

// colonField returns the value of a 「label: value」 field of the kind.
func colonField(s *model.Sentence, kind fieldKind) []Mention {
	m := txColonField.FindStringSubmatchIndex(s.Text)
	if m == nil || labelKind(s.Text[m[2]:m[3]]) != kind || !hasValue(s.Text[m[4]:m[5]]) {
		return nil
	}
	sp := model.Span{Start: s.Span.Start + m[4], End: s.Span.Start + m[5]}
	return []Mention{{Text: s.Text[m[4]:m[5]], Span: sp, Sentence: s}}
}

// firstMatch returns the first match of re in a clause that is not
// negated: 「IPアドレスは送信しません」 does not state what is sent.
func firstMatch(s *model.Sentence, re *rx.Regexp) (Mention, bool) {
	for _, loc := range re.FindAllStringIndex(s.Text, -1) {
		sp := model.Span{Start: s.Span.Start + loc[0], End: s.Span.Start + loc[1]}
		if c := s.ClauseAt(sp.Start); c != nil && c.Negated {
			continue
		}
		return Mention{Text: s.Text[loc[0]:loc[1]], Span: sp, Sentence: s}, true
	}
	return Mention{}, false
}

// purposeIn finds a stated purpose: a use followed by ため／目的／に利用
// (「利用状況を分析するため」, 「広告配信の目的で」), or a use named as such
// (アクセス解析, 広告配信). A purpose only deferred to the recipient's own
// policy is not one.
func purposeIn(s *model.Sentence) (Mention, bool) {
	text := s.Text
	for _, loc := range txPurposeWords.FindAllStringIndex(text, -1) {
		rest := text[loc[1]:]
		if cut := strings.Index(rest, "。"); cut >= 0 {
			rest = rest[:cut]
		}
		if len(rest) > 75 { // about 25 characters
			rest = rest[:75]
		}
		if mk := txPurposeMarker.FindStringIndex(rest); mk != nil {
			sp := model.Span{Start: s.Span.Start + loc[0], End: s.Span.Start + loc[1] + mk[1]}
			if c := s.ClauseAt(sp.Start); c != nil && c.Negated {
				continue
			}
			return Mention{Text: text[loc[0] : loc[1]+mk[1]], Span: sp, Sentence: s}, true
		}
	}
	for _, loc := range txPurposePhrase.FindAllStringIndex(text, -1) {
		// 広告配信事業者 names a party, not a purpose.
		if txPartyTail.MatchString(text[loc[1]:]) {
			continue
		}
		sp := model.Span{Start: s.Span.Start + loc[0], End: s.Span.Start + loc[1]}
		if c := s.ClauseAt(sp.Start); c != nil && c.Negated {
			continue
		}
		return Mention{Text: text[loc[0]:loc[1]], Span: sp, Sentence: s}, true
	}
	return Mention{}, false
}

// namesIn returns the recipient names in a sentence: legal entities,
// companies named with 社, well-known vendors and their products, and
// labelled fields (提供元: …).
func namesIn(s *model.Sentence) []Mention {
	text := s.Text
	var out []Mention
	for _, m := range colonField(s, fieldRecipient) {
		if !genericValue(m.Text) {
			out = append(out, m)
		}
	}
	add := func(lo, hi int) {
		sp := model.Span{Start: s.Span.Start + lo, End: s.Span.Start + hi}
		for _, m := range out {
			if m.Span.Contains(sp) {
				return
			}
		}
		out = append(out, Mention{Text: text[lo:hi], Span: sp, Sentence: s})
	}
	for _, e := range entitiesIn(text) {
		add(e[0], e[1])
	}
	for _, loc := range txCompanySha.FindAllStringIndex(text, -1) {
		if n := text[loc[0]:loc[1]]; strings.HasSuffix(n, "会社") || isGenericSha(n) {
			continue
		}
		add(loc[0], loc[1])
	}
	for _, loc := range txVendor.FindAllStringIndex(text, -1) {
		if txBrowser.MatchString(text[loc[1]:]) {
			continue
		}
		add(loc[0], loc[1])
	}
	return out
}

// genericValue reports whether a recipient field holds only a generic
// reference (送信先：提携する広告配信事業者) and no name.
func genericValue(v string) bool {
	return txGeneric.MatchString(v) && len(entitiesIn(v)) == 0 && !txVendor.MatchString(v) && !txLatinName.MatchString(v)
}

// isGenericSha tells 各社, 他社, 当社 and 同社 from company names.
func isGenericSha(s string) bool {
	s = strings.TrimSpace(s)
	for _, g := range []string{"各社", "他社", "当社", "弊社", "同社", "本社", "自社", "御社", "貴社", "会社", "提供会社"} {
		if strings.HasSuffix(s, g) && utf8.RuneCountInString(s) <= utf8.RuneCountInString(g)+1 {
			return true
		}
	}
	return false
}

// isListedName reports whether a sentence is a short line of a list that
// follows 「下記の企業が提供する…」: the line is itself a name.
func isListedName(b *model.Block, s *model.Sentence) bool {
	text := strings.TrimSpace(s.Text)
	return text != "" && utf8.RuneCountInString(text) <= txListItemRunes && !strings.ContainsAny(text, "。、") &&
		!strings.Contains(text, "http") && (b.Kind == model.ListItem || b.Kind == model.Paragraph)
}

// isListLike reports whether a block continues a list of names.
func isListLike(b *model.Block, ss []*model.Sentence) bool {
	if b.Kind == model.Heading || len(ss) != 1 {
		return false
	}
	t := strings.TrimSpace(ss[0].Text)
	return strings.HasPrefix(t, "http") || isListedName(b, ss[0])
}

// genericRecipient returns the first generic reference to the receiving
// parties in a trigger sentence (提携する第三者, 広告配信事業者), unless it
// points back at parties already named (これらの第三者, 各社), is the
// operator itself (提供元（当社）), or sits in the definition of a term.
func genericRecipient(s *model.Sentence) (UnnamedRecipient, bool) {
	text := s.Text
	loc := txGeneric.FindStringIndex(text)
	if loc == nil || txAnaphor.MatchString(text[:loc[0]]) || txDefinition.MatchString(text) || txOwnParty.MatchString(text[loc[1]:]) {
		return UnnamedRecipient{}, false
	}
	if !txAffirmedAt(s, s.Span.Start+loc[0]) {
		return UnnamedRecipient{}, false
	}
	sp := model.Span{Start: s.Span.Start + loc[0], End: s.Span.Start + loc[1]}
	return UnnamedRecipient{Mention: Mention{Text: text[loc[0]:loc[1]], Span: sp, Sentence: s}}, true
}
