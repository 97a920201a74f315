package facts

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Foreign is what the policy says about provision of personal data to a
// third party in a foreign country (法28条, 規則17条2項) and about storing or
// handling it abroad (外的環境の把握, 令10条1号, guidelines 10-7).
//
// Triggers are statements of fact or possibility (提供する場合があります);
// a negated statement (外国にある第三者には提供しません) or a condition that
// paraphrases the statute (外国にある第三者に提供する場合には…) is none. The
// present items (country, system, measures) are looked for only in the
// "foreign zone": the trigger sentences and those that follow them in the
// same section, sections whose title speaks of foreign countries, and
// sentences that themselves name the foreign side (外国, 海外, 移転先).
type Foreign struct {
	// Provision holds the statements that personal data is or may be
	// provided to a third party abroad, including a foreign contractor that
	// handles it (法28条).
	Provision []ForeignMention
	// Handling holds the statements that personal data is stored or handled
	// abroad: foreign servers or clouds, foreign contractors (令10条1号).
	Handling []ForeignMention
	// Countries are the names of the countries where the recipients or the
	// data are (米国, EU加盟国 …).
	Countries []ForeignMention
	// Unidentified holds sentences saying the country cannot be identified,
	// with the reason.
	Unidentified []model.Span
	// System holds sentences that inform about the foreign country's system
	// for protecting personal information, or refer to where it is described.
	System []model.Span
	// Measures holds sentences about the measures the foreign recipient
	// takes to protect the data (相当措置, 安全管理措置, contract terms).
	Measures []model.Span
	// Environment holds sentences saying the operator took its measures after
	// understanding the foreign system (外的環境の把握).
	Environment []model.Span
}

// ForeignMention is a statement or a name found in one sentence.
type ForeignMention struct {
	Sentence *model.Sentence
	Span     model.Span // the matched words
	Text     string
}

// foreignCountries are the names a policy gives to recipient countries.
// Longer names first: Go's alternation takes the first that matches.
var foreignCountries = []string{
	"アメリカ合衆国", "アメリカ", "米国", "合衆国", "欧州連合", "欧州経済領域", "EU", "EEA", "欧州",
	"英国", "イギリス", "連合王国", "中華人民共和国", "中国", "大韓民国", "韓国", "台湾", "香港", "シンガポール",
	"インドネシア", "インド", "ベトナム", "タイ", "フィリピン", "マレーシア", "オーストラリア", "豪州",
	"ニュージーランド", "カナダ", "ドイツ", "フランス", "アイルランド", "オランダ", "スイス", "スウェーデン",
	"フィンランド", "デンマーク", "ノルウェー", "ベルギー", "スペイン", "イタリア", "ポルトガル", "オーストリア",
	"ポーランド", "イスラエル", "ブラジル", "メキシコ", "ロシア", "アラブ首長国連邦", "UAE", "南アフリカ",
	"エストニア", "ルクセンブルク", "チェコ", "トルコ", "ミャンマー", "カンボジア", "バングラデシュ",
	"パキスタン", "スリランカ", "モンゴル", "チリ", "アルゼンチン", "コロンビア", "ウクライナ", "ルーマニア",
}

// frCountryAlternation is foreignCountries as a regexp alternation, longest first.
func frCountryAlternation() string {
	names := append([]string(nil), foreignCountries...)
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	return strings.Join(names, "|")
}

var (
	frCountryAlt = frCountryAlternation()
	// frAbroad names "a foreign country" without naming it.
	frAbroad = `日本国外|日本以外の(?:国|地域)|国内外|(?:居住|在住)(?:する)?国(?:・地域)?以外の(?:国|地域)|諸外国|国外|外国|海外`
	// frSubPlace narrows a country to a region: 米国(オレゴン州),
	// 米国オレゴン州, シンガポール(アジアパシフィック地域). The place is still
	// the country, so what follows it reads as it would after the country.
	frSubPlace = `(?:\s?\([^()。]{1,20}\)|[\p{Katakana}ー\p{Han}]{1,10}?(?:州|省|市|リージョン))?`
	// frPlace is a foreign place: abroad, or a named country (等 for 米国等).
	frPlace = `(?:` + frAbroad + `|` + frCountryAlt + `)` + frSubPlace + `(?:等|など)?`

	frCountry = rx.MustCompile(frCountryAlt)
	// frBlankCountry is a 【…】 blank in a country slot of a drafted clause:
	// before the words that place the recipient or the data there (【国名】に
	// 所在する, 【国名】において), or after a label asking for the country
	// (所在国：【国名】). Group 1 or 2 is the blank.
	frBlankCountry = rx.MustCompile(`(` + PlaceholderValue + `)(?:・地域)?(?:に所在|所在の|にある|に設置|において|における|内で|内に|で保管|で処理)` +
		`|(?:所在国|移転先(?:の)?国|国名|国・地域(?:名)?)(?:・地域)?(?:名)?\s*(?:[:\t]|は)\s*(` + PlaceholderValue + `)`)
	// frBlankParty: a blank that names a party, not a place (【提供先の名称】
	// における…), unless it says it is a country (【移転先の国名】).
	frBlankParty = rx.MustCompile(`名称|会社|社名|者|先`)
	frBlankPlace = rx.MustCompile(`国|地域`)

	// frRecipientAbroad is a recipient located abroad: 外国にある第三者,
	// 米国の業務委託先, 海外パートナー企業, 外国に所在する事業者.
	// Words between the place and the recipient need a particle (米国の業務
	// 委託先): 海外旅行保険会社 is a domestic insurer.
	frRecipientAbroad = rx.MustCompile(`(?:` + frPlace + `)(?:および|及び|又は|または|・|、)?(?:国内)?` +
		`(?:(?:に|の|にある|に所在する|所在の|に所在の|に本社を置く|に拠点を置く|を拠点とする|で設立された)[^。、()]{0,12}?)?` +
		`(?:第三者|事業者|企業|会社|法人|委託先|受託者|提供先|移転先|取引先|提携先|パートナー|子会社|親会社|グループ会社|グループ企業|関連会社|拠点|サービス提供者|プロバイダ|ベンダー)` +
		`|(?:` + frPlace + `)(?:にある|に所在する)者` +
		// …or a named recipient with its country: Xxx, Inc.(米国所在), (所在国:インド)
		`|(?:` + frPlace + `)[^。]{0,25}?所在|所在(?:国|地)(?:は|:)?\s*(?:` + frPlace + `)`)
	// frLocator states where a recipient or the data is: 所在国:米国, 委託先の所在国は米国です.
	frLocator = rx.MustCompile(`所在(?:国|地)(?:・地域)?(?:は|:)?\s*(?:` + frPlace + `)`)
	// frStoredWords: the sentence is about storing or entrusting the data.
	frStoredWords = rx.MustCompile(`保存|保管|蓄積|処理|サーバ|クラウド|データセンター|ホスティング|委託`)
	// frPartyWord names a party that may receive the data.
	frPartyWord = rx.MustCompile(`委託先|受託者|提供先|移転先|第三者|事業者|企業|会社|パートナー|共同利用者`)
	// frDataWord: the sentence speaks of data, not of serving customers abroad.
	frDataWord = rx.MustCompile(`情報|データ|取扱|取り扱`)

	// frIncludedAbroad: the recipients include some abroad (委託先には、日本
	// 国外に所在する事業者が含まれます).
	frIncludedAbroad = rx.MustCompile(`(?:委託先|受託者|提供先|第三者|移転先|共同利用者|共同して利用する者)(?:に|には|の中には|として(?:は)?)[^。]{0,40}?(?:` + frPlace + `)[^。]{0,30}?(?:が|も)?含ま`)

	// frTransferAbroad is a transfer of the data to a foreign place: 当該国
	// に移転される, 海外へ転送します.
	frTransferAbroad = rx.MustCompile(`(?:` + frPlace + `|当該国|当該外国|同国)(?:・地域)?(?:へ|に|に対して)[^。、]{0,15}?(?:移転|転送|移送)`)

	frAbroadWord = rx.MustCompile(frAbroad)
	// frListIntro: the sentence introduces a list or table.
	frListIntro = rx.MustCompile(`以下|次の|次に|下記|下表|別表`)

	// frInclusion is the bracket that extends 第三者 to those abroad:
	// 第三者(日本国外にある者を含みます。).
	// Also without brackets: 海外の委託先を含め.
	frInclusion = rx.MustCompile(`\([^()]{0,10}?(?:` + frAbroad + `)(?:にある|に所在する|の|に居住する)?[^()場合]{0,10}?(?:者|第三者|事業者|企業|委託先)(?:等)?を含` +
		`|(?:` + frAbroad + `)(?:にある|に所在する|の)?(?:第三者|事業者|企業|業務委託先|委託先|受託者)(?:等)?(?:を|も)含`)
	// frException marks that a refusal has exceptions (…を除き, 但し…この限りではありません).
	// A refusal "without consent" says the data is provided with it.
	frException = rx.MustCompile(`但し|ただし|除き|除いて|除く|この限り|例外|同意(?:を得ないで|を得ずに|を得ることなく|なく|なしに)`)

	// frHandlingAbroad is data stored or handled abroad: 米国内で処理されます,
	// 外国にあるデータホスティングプロバイダに保存, 海外でお客さま情報を取り扱う.
	frHandlingAbroad = rx.MustCompile(`(?:` + frPlace + `)(?:および|及び|又は|または|・|、)?(?:国内)?` +
		`(?:に|で|内で|内に|において|における|にて|上で|の|にある|に所在する|所在の|に設置(?:された|されている|する|の))` +
		`[^。]{0,30}?(?:保存|保管|蓄積|処理|取り?扱|取扱|ホスティング|バックアップ)` +
		// …or a server or cloud that is abroad: サーバは米国に所在します.
		`|(?:サーバ|クラウド|データセンター|ストレージ)[^。]{0,20}?(?:` + frPlace + `)(?:に|で|内に)(?:所在|設置|あり|ある|置)`)
	// frInfrastructure: the foreign side is infrastructure (a server, a
	// cloud), where the data is stored.
	frInfrastructure = rx.MustCompile(`サーバ|クラウド|データセンター|データホスティング|ホスティング|ストレージ|プロバイダ`)
	// frAnalytics: the sentence is about a tag, cookie or analytics tool.
	frAnalytics = rx.MustCompile(`(?i)cookie|クッキー|アナリティクス|analytics|ビーコン|タグ|SDK|情報収集モジュール|アクセス解析`)
	// frEntrusted: the foreign side handles the data for the operator.
	frEntrusted = rx.MustCompile(`委託|受託|預託|預け|取り?扱わせ`)
	// frDataObject: personal data as the object of the act (個人データの取扱いを, 個人情報を).
	frDataObject = rx.MustCompile(`(?:情報|データ)(?:等)?(?:の)?(?:取扱い|取り扱い|取扱|処理)?(?:の一部|の全部(?:又は|または)一部)?(?:を|が)`)
	// frToIndividual: information given to the individual (本人に対し…情報提供します).
	frToIndividual = rx.MustCompile(`(?:本人|お客様|お客さま|利用者|ユーザー?)(?:様)?(?:に対し|へ|に)[^。]{0,20}?(?:情報提供|提供いたします|お知らせ)`)

	// frProvisionVerb is the act of provision or entrustment as a predicate.
	frProvisionVerb = rx.MustCompile(`(?:提供|委託|移転|共有|預託|開示|連携|転送|移送|共同(?:して|で)?利用)(?:を)?(?:し|する|さ(?:れ|せ)|いたし|いたす|致し|致す|行|おこな)|預け|取り?扱わせ`)
	// frVendorVerb: a vendor offering its service (Google社が提供する), not provision of data.
	frVendorVerb = rx.MustCompile(`(?:が|の)(?:提供|運営|開発)(?:する|している|します|しています)$`)
	// frNonPersonal: the provided data is said not to identify anyone.
	frNonPersonal = rx.MustCompile(`個人を(?:特定|識別)(?:する)?(?:こと(?:が|は)?)?(?:でき|し|出来)(?:ない|ません)|統計(?:情報|データ)|匿名加工`)

	// frForeignTitle is a section title about provision or handling abroad.
	frForeignTitle = rx.MustCompile(`外国|海外|国外|越境|移転先|所在国|外的環境`)
	// frProvisionTitle is a section about provision abroad: its body's
	// provision statements are provision abroad.
	frProvisionTitle = rx.MustCompile(`(?:外国|海外|国外)[^。]{0,12}?(?:提供|移転|委託)|越境移転`)
	// frZoneWord marks a sentence that itself speaks of the foreign side.
	frZoneWord = rx.MustCompile(`外国|海外|国外|移転先|当該国|所在国|日本以外|越境`)

	// frLegalForm is a company name with a foreign legal form (PostHog, Inc.).
	frLegalForm = rx.MustCompile(`[A-Z][A-Za-z0-9&'.\-]*(?: [A-Z&][A-Za-z0-9&'.\-]*)*,? ?(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|GmbH|S\.A|SAS|B\.V|N\.V|Pte|PLC|plc)\b\.?`)
	// frDataProvision is an operator's statement that it provides user data
	// (…への利用者情報の提供を行います, 個人情報を提供します).
	frDataProvision = rx.MustCompile(`(?:情報|データ)(?:等)?(?:の)?(?:取扱い|取り扱い|取扱|処理)?(?:の一部|の全部(?:又は|または)一部)?(?:を|の)[^。]{0,10}?(?:提供|共有|委託)(?:を)?(?:し|する|さ|いたし|致し|行)`)

	// frUnidentified: the country cannot be identified (and why).
	frUnidentified = rx.MustCompile(`(?:国|地域|国名|所在地|所在国|移転先|提供先)(?:・地域)?(?:の名称)?(?:を|が|は|について)[^。]{0,30}?(?:特定|確定|判明)(?:する|させる)?(?:こと)?(?:が|は)?(?:でき|され|し)?(?:ない|ません|ず)|(?:国|地域)[^。]{0,10}?未定`)
	// frPersonObject: what cannot be identified is a person (個人を特定できない).
	frPersonObject = rx.MustCompile(`個人を|本人を|個人が`)
	frReason       = rx.MustCompile(`ため|ので|から|理由`)

	// frSystem: information on, or a reference to, the foreign system.
	// (個人情報の保護に関する法律 alone is the name of the Japanese act.)
	frSystem = rx.MustCompile(`(?:個人情報|個人データ|プライバシー|データ)(?:の)?保護に関する(?:法)?(?:制度|規制|規律)` +
		`|(?:` + frPlace + `|当該国|移転先国?|同国)(?:の|における|では|には)[^。]{0,10}?(?:個人情報|個人データ|プライバシー|データ)[^。]{0,10}?(?:保護法|保護に関する法|法令|法律|法制)` +
		`|個人情報保護(?:に関する)?(?:法)?制度|法制度(?:等)?の(?:概要|内容)|制度等の(?:調査|概要|情報)` +
		`|データ保護法|GDPR|一般データ保護規則|CCPA|CPRA|PIPL|十分性認定|CBPR|包括的な[^。]{0,20}?法|個人情報保護法に相当する` +
		`|個人情報保護委員会[^。]{0,30}?(?:ウェブサイト|ホームページ|サイト|HP|調査)`)
	// frStatute: the definition of 外国 in 法28条 quoted, not information.
	frStatute = rx.MustCompile(`同等の水準にあると認められる|規則で定める`)
	// frItemLabel: a line naming the item to be given (…制度等の情報), not giving it.
	frItemLabel = rx.MustCompile(`(?:制度|措置)(?:等)?(?:に関する|の)?情報[。.]?$`)
	// frRefusal: the sentence says the information cannot be given.
	frRefusal = rx.MustCompile(`(?:提供|把握|お知らせ|記載|ご案内|開示)(?:する)?こと(?:は|が)?(?:でき|出来)(?:ない|ません)`)

	// frMeasure: protective measures taken by or imposed on the recipient.
	frMeasure = rx.MustCompile(`相当措置|相当する措置|(?:保護|安全管理)(?:のため)?(?:に必要な|の)?措置|必要かつ適切な措置|適切な措置|同(?:等|水準)の措置|` +
		`(?:に対応|に沿った|に準じた|に準拠した|に相当する)措置|措置を(?:講じ|講ず|実施|採)|` +
		`(?:基準|水準)に適合する体制|体制を整備|契約(?:を|の)?(?:締結|に同意|上)|契約(?:により|によって|において|に基づ|で定め)|標準契約条項|SCCs?\b|` +
		`データ(?:処理|保護)(?:に関する)?(?:契約|追補|補遺|条項)|DPA\b|CBPR|認証を取得|監督`)
	// frRecipientWord: the sentence is about the recipient's side.
	frRecipientWord = rx.MustCompile(`委託先|提供先|移転先|受領者|受託者|事業者|企業|会社|第三者|プロバイダ|パートナー|当該|同社|先|Inc|LLC|Ltd|Corp|GmbH`)

	// frEnvironment: the operator understood the foreign system (外的環境の把握).
	// The heading 外的環境の把握 alone states nothing.
	frEnvironment = rx.MustCompile(`外的環境(?:を|の)?(?:把握|理解|調査|確認)し|(?:制度|環境)(?:等)?(?:を|について)(?:把握|確認|理解|調査)`)
)

// frWindowAfter and frWindowBefore are how many sentences around a trigger,
// in its section, still speak of it: the country, system and measures usually follow in the next
// lines or a short list.
const (
	frWindowAfter  = 8
	frWindowBefore = 2
)

func findForeign(doc *model.Document) Foreign {
	var f Foreign
	n := len(doc.Sentences)
	trigger := make([]bool, n)
	titles := TitleMemo{}
	for i, s := range doc.Sentences {
		// Most sentences name no foreign place: a substring scan spares
		// them the patterns below.
		place := frHasPlace(s.Text)
		if m, ok := foreignProvision(doc, i, place, titles.Under(s.Section(), frProvisionTitle)); ok {
			f.Provision = append(f.Provision, m)
			trigger[i] = true
		}
		if !place {
			continue
		}
		if m, ok := foreignHandling(s); ok {
			f.Handling = append(f.Handling, m)
			trigger[i] = true
		}
	}
	f.addListedAbroad(doc, trigger)
	f.addEntityProvision(doc, trigger)

	zone := foreignZone(doc, trigger)
	for i, s := range doc.Sentences {
		if !zone[i] {
			continue
		}
		f.Countries = append(f.Countries, frCountriesIn(s)...)
		f.Countries = append(f.Countries, frBlankCountriesIn(s)...)
		if loc := frUnidentified.FindStringIndex(s.Text); loc != nil && !frPersonObject.MatchString(s.Text[loc[0]:loc[1]]) && frReason.MatchString(s.Text) {
			f.Unidentified = append(f.Unidentified, s.Span)
		}
		if frItemLabel.MatchString(s.Text) || frStatute.MatchString(s.Text) || frRefusal.MatchString(s.Text) {
			continue
		}
		system := frSystem.MatchString(s.Text)
		measures := false
		if loc := frMeasure.FindStringIndex(s.Text); loc != nil && frRecipientWord.MatchString(s.Text) && !frNegatedAt(s, loc[0]) {
			measures = true
		}
		if !system && !measures {
			if loc := frEnvironment.FindStringIndex(s.Text); loc != nil && !frNegatedAt(s, loc[0]) {
				f.Environment = append(f.Environment, s.Span)
			}
			continue
		}
		spans := []model.Span{s.Span}
		if frIsItemLabel(s) {
			if frListRefused(doc, i) {
				continue
			}
			// A label (2. 当該事業者が講ずる措置) counts through the text under it;
			// a label with nothing under it names an item without giving it.
			body := frLabelBody(doc, i)
			if len(body) == 0 {
				continue
			}
			spans = append(spans, body...)
		}
		if system {
			f.System = append(f.System, spans...)
		}
		if measures {
			f.Measures = append(f.Measures, spans...)
		}
		if loc := frEnvironment.FindStringIndex(s.Text); loc != nil && !frNegatedAt(s, loc[0]) {
			f.Environment = append(f.Environment, s.Span)
		}
	}
	return f
}

// frItemLabelNouns end a line that names an item of 規則17条2項 (…の措置,
// …に関する制度) rather than giving it.
var frItemLabelNouns = map[string]bool{"措置": true, "制度": true, "情報": true, "名称": true, "内容": true, "概要": true}

// frLabelBodyMax is how many sentences under a label may give its content.
const frLabelBodyMax = 6

// frIsItemLabel reports whether a sentence is a heading or a short line that
// names an item (2. 当該事業者が講ずる個人情報の保護のための措置).
func frIsItemLabel(s *model.Sentence) bool {
	if s.Block.Kind == model.TableRow || strings.Contains(s.Text, "。") || strings.Contains(s.Text, ":") {
		return false
	}
	if s.Block.Kind != model.Heading && utf8.RuneCountInString(s.Text) > 50 {
		return false
	}
	toks := s.Tokens
	for len(toks) > 0 && (toks[len(toks)-1].POS == "記号" || toks[len(toks)-1].Surface == "等") {
		toks = toks[:len(toks)-1]
	}
	return len(toks) > 0 && frItemLabelNouns[toks[len(toks)-1].Surface]
}

// frLabelBody returns the sentences under the label at index i: those that
// follow it in its section, up to the next label.
func frLabelBody(doc *model.Document, i int) []model.Span {
	label := doc.Sentences[i]
	sec := label.Section()
	var out []model.Span
	for j := i + 1; j < len(doc.Sentences) && len(out) < frLabelBodyMax; j++ {
		s := doc.Sentences[j]
		if frIsItemLabel(s) || s.Block.Kind == model.Heading || sec != nil && !sec.Span.Contains(s.Span) {
			break
		}
		out = append(out, s.Span)
	}
	return out
}

// frListRefused reports whether the list item at index i belongs to a list
// of items the policy says it cannot give (…を特定できないため、以下の情報を
// ご提供することはできません).
func frListRefused(doc *model.Document, i int) bool {
	j := i
	for j >= 0 && doc.Sentences[j].Block.Kind == model.ListItem {
		j--
	}
	return j >= 0 && j < i && frRefusal.MatchString(doc.Sentences[j].Text)
}

// foreignProvision reports whether sentence i says personal data is or may
// be provided to a third party abroad. place says whether the sentence names
// a foreign place, underTitle whether it lies under a heading about
// provision abroad.
func foreignProvision(doc *model.Document, i int, place, underTitle bool) (ForeignMention, bool) {
	s := doc.Sentences[i]
	if !place && !underTitle || frNonPersonal.MatchString(s.Text) {
		return ForeignMention{}, false
	}
	if place {
		if m, ok := foreignPlaceProvision(doc, i); ok {
			return m, true
		}
	}
	// Under a heading about provision abroad, the body's statements that
	// data is provided or entrusted are provision abroad.
	if underTitle && s.Block.Kind != model.Heading && !frToIndividual.MatchString(s.Text) {
		if loc := frDataObject.FindStringIndex(s.Text); loc != nil {
			if _, ok := frProvisionVerbAfter(s, loc[1]); ok {
				return frMention(s, []int{0, len(s.Text)}), true
			}
		}
	}
	return ForeignMention{}, false
}

// foreignPlaceProvision finds provision to a recipient abroad that the
// sentence itself locates.
func foreignPlaceProvision(doc *model.Document, i int) (ForeignMention, bool) {
	s := doc.Sentences[i]
	// 第三者(日本国外にある者を含みます。): the operator counts foreign
	// recipients among those it provides to, with consent or under the
	// exceptions it lists, even when the sentence itself is the refusal.
	if loc := frInclusion.FindStringIndex(s.Text); loc != nil {
		next := ""
		if i+1 < len(doc.Sentences) {
			next = doc.Sentences[i+1].Text
		}
		if frAffirmedAt(s, loc[0]) || frException.MatchString(s.Text) || frException.MatchString(next) {
			return frMention(s, loc), true
		}
	}
	for _, loc := range frRecipientAbroad.FindAllStringIndex(s.Text, -1) {
		if !frAffirmedAt(s, loc[0]) || frIsSource(s.Text, loc[1]) {
			continue
		}
		// Entrusting work (業務を委託) in a privacy policy entrusts the data with it.
		if verb, ok := frProvisionVerbAfter(s, loc[0]); ok && (frDataWord.MatchString(s.Text) || frEntrusted.MatchString(verb)) {
			return frMention(s, loc), true
		}
	}
	for _, loc := range frTransferAbroad.FindAllStringIndex(s.Text, -1) {
		if frAffirmedAt(s, loc[1]-1) {
			return frMention(s, loc), true
		}
	}
	if loc := frIncludedAbroad.FindStringIndex(s.Text); loc != nil && frAffirmedAt(s, loc[1]-1) {
		return frMention(s, loc), true
	}
	// A recipient located abroad in the sentence after the provision:
	// …委託することがあります。この場合、委託先の所在国は米国です。
	if loc := frLocator.FindStringIndex(s.Text); loc != nil && frAffirmedAt(s, loc[0]) && frPartyWord.MatchString(s.Text) && frPreviousProvides(doc, i) {
		return frMention(s, loc), true
	}
	// A foreign contractor handling the data: 業務を委託し、海外で…取り扱う.
	if loc := frHandlingAbroad.FindStringIndex(s.Text); loc != nil && frAffirmedAt(s, loc[0]) && strings.Contains(s.Text, "委託") {
		if _, ok := frProvisionVerbAfter(s, 0); ok {
			return frMention(s, loc), true
		}
	}
	return ForeignMention{}, false
}

// frPreviousProvides reports whether the sentence before i, in the same
// section, says that data is provided or entrusted.
func frPreviousProvides(doc *model.Document, i int) bool {
	if i == 0 {
		return false
	}
	prev, s := doc.Sentences[i-1], doc.Sentences[i]
	if prev.Section() != s.Section() {
		return false
	}
	obj := frDataObject.FindStringIndex(prev.Text)
	if obj == nil {
		return false
	}
	_, ok := frProvisionVerbAfter(prev, obj[1])
	return ok
}

// foreignHandling reports whether the sentence says personal data is stored
// or handled abroad, by the operator, its cloud or its contractor.
func foreignHandling(s *model.Sentence) (ForeignMention, bool) {
	if frNonPersonal.MatchString(s.Text) {
		return ForeignMention{}, false
	}
	// An analytics vendor keeping what its tag collects on its own servers
	// is the vendor's handling, not the operator's.
	if loc := frHandlingAbroad.FindStringIndex(s.Text); loc != nil && frAffirmedAt(s, loc[0]) && frAffirmedAt(s, loc[1]-1) &&
		!frAnalytics.MatchString(s.Text) {
		return frMention(s, loc), true
	}
	if loc := frLocator.FindStringIndex(s.Text); loc != nil && frAffirmedAt(s, loc[0]) && frStoredWords.MatchString(s.Text) && !frAnalytics.MatchString(s.Text) {
		return frMention(s, loc), true
	}
	// Provision to a foreign contractor or cloud is handling abroad too.
	if loc := frIncludedAbroad.FindStringIndex(s.Text); loc != nil && frAffirmedAt(s, loc[1]-1) {
		if phrase := s.Text[loc[0]:loc[1]]; frEntrusted.MatchString(phrase) || frInfrastructure.MatchString(phrase) {
			return frMention(s, loc), true
		}
	}
	for _, loc := range frRecipientAbroad.FindAllStringIndex(s.Text, -1) {
		if !frAffirmedAt(s, loc[0]) || frIsSource(s.Text, loc[1]) {
			continue
		}
		verb, ok := frProvisionVerbAfter(s, loc[0])
		if !ok || !frDataWord.MatchString(s.Text) && !frEntrusted.MatchString(verb) {
			continue
		}
		if phrase := s.Text[loc[0]:loc[1]]; frInfrastructure.MatchString(phrase) || frEntrusted.MatchString(phrase) || frEntrusted.MatchString(verb) {
			return frMention(s, loc), true
		}
	}
	return ForeignMention{}, false
}

// frListRowsMax is how many list items or table rows after an introducing
// sentence are read as its list.
const frListRowsMax = 20

// addListedAbroad finds provision whose recipients abroad are given in the
// list or table that a provision statement introduces (以下の委託先に…委託
// しています。| Example Inc. | 米国 |).
func (f *Foreign) addListedAbroad(doc *model.Document, trigger []bool) {
	for i, s := range doc.Sentences {
		if trigger[i] || !frListIntro.MatchString(s.Text) || frNonPersonal.MatchString(s.Text) {
			continue
		}
		obj := frDataObject.FindStringIndex(s.Text)
		if obj == nil {
			continue
		}
		verb, ok := frProvisionVerbAfter(s, obj[1])
		if !ok {
			continue
		}
		// The list may follow in the sentence itself: …委託しています:米国、英国。
		if at := strings.Index(s.Text, ":"); at > obj[1] {
			if loc := frRowAbroad(s); loc != nil && loc[0] > at {
				m := frMention(s, loc)
				f.Provision = append(f.Provision, m)
				if frEntrusted.MatchString(verb) || frInfrastructure.MatchString(s.Text) {
					f.Handling = append(f.Handling, m)
				}
				trigger[i] = true
				continue
			}
		}
		sec := s.Section()
		for j := i + 1; j < len(doc.Sentences) && j <= i+frListRowsMax; j++ {
			row := doc.Sentences[j]
			if row.Block.Kind != model.ListItem && row.Block.Kind != model.TableRow || sec != nil && !sec.Span.Contains(row.Span) {
				break
			}
			at := frRowAbroad(row)
			if at == nil {
				continue
			}
			m := frMention(row, at)
			m.Sentence = s
			f.Provision = append(f.Provision, m)
			if frEntrusted.MatchString(verb) || frInfrastructure.MatchString(s.Text) {
				f.Handling = append(f.Handling, m)
			}
			trigger[i] = true
			break
		}
	}
}

// frRowAbroad returns where a list item or table row names a foreign place.
func frRowAbroad(row *model.Sentence) []int {
	if loc := frAbroadWord.FindStringIndex(row.Text); loc != nil && !frNegatedAt(row, loc[0]) {
		return loc
	}
	if cs := frCountriesIn(row); len(cs) > 0 {
		return []int{cs[0].Span.Start - row.Span.Start, cs[0].Span.End - row.Span.Start}
	}
	return nil
}

// addEntityProvision finds provision to recipients named only by a foreign
// company name (PostHog, Inc.): a section where the operator states that it
// provides user data, and that names companies with foreign legal forms.
// A foreign vendor named as the source of a tag or a tool, with no statement
// that data is provided to it, is no trigger.
func (f *Foreign) addEntityProvision(doc *model.Document, trigger []bool) {
	seen := map[*model.Section]bool{}
	for i, s := range doc.Sentences {
		if trigger[i] || frNonPersonal.MatchString(s.Text) {
			continue
		}
		loc := frDataProvision.FindStringIndex(s.Text)
		if loc == nil || !frAffirmedAt(s, loc[1]-1) {
			continue
		}
		sec := s.Section()
		if sec == nil || sec.Head == nil || seen[sec] {
			continue
		}
		seen[sec] = true
		if !frSectionNamesForeignEntity(doc, sec) {
			continue
		}
		m := frMention(s, loc)
		f.Provision = append(f.Provision, m)
		f.Handling = append(f.Handling, m)
		trigger[i] = true
	}
}

// frSectionNamesForeignEntity reports whether a section names a company
// with a foreign legal form.
func frSectionNamesForeignEntity(doc *model.Document, sec *model.Section) bool {
	return frLegalForm.MatchString(doc.Slice(sec.Span))
}

// foreignZone marks the sentences that speak of the foreign side.
func foreignZone(doc *model.Document, trigger []bool) []bool {
	n := len(doc.Sentences)
	zone := make([]bool, n)
	titles := TitleMemo{}
	for i, s := range doc.Sentences {
		if trigger[i] {
			sec := s.Section()
			for j := max(0, i-frWindowBefore); j < n && j <= i+frWindowAfter; j++ {
				if sec == nil || sec.Span.Contains(doc.Sentences[j].Span) {
					zone[j] = true
				}
			}
		}
		if titles.Under(s.Section(), frForeignTitle) {
			zone[i] = true
		}
		if loc := frZoneWord.FindStringIndex(s.Text); loc != nil && !strings.HasPrefix(s.Text[loc[1]:], "人") {
			zone[i] = true
		}
	}
	return zone
}

// frCountriesIn returns the country names of a sentence that name a place,
// not part of another word (タイミング, 中国地方, 米国国立標準技術研究所).
func frCountriesIn(s *model.Sentence) []ForeignMention {
	var out []ForeignMention
	for _, loc := range frCountry.FindAllStringIndex(s.Text, -1) {
		if !frCountryBoundary(s.Text, loc[0], loc[1]) || frNegatedAt(s, loc[0]) {
			continue
		}
		out = append(out, frMention(s, loc))
	}
	return out
}

// frBlankCountriesIn returns the 【…】 blanks that stand where a country's
// name goes.
func frBlankCountriesIn(s *model.Sentence) []ForeignMention {
	if !strings.Contains(s.Text, "【") {
		return nil
	}
	var out []ForeignMention
	for _, m := range frBlankCountry.FindAllStringSubmatchIndex(s.Text, -1) {
		loc := m[2:4]
		if loc[0] < 0 {
			loc = m[4:6]
		}
		blank := s.Text[loc[0]:loc[1]]
		if frBlankParty.MatchString(blank) && !frBlankPlace.MatchString(blank) || frNegatedAt(s, loc[0]) {
			continue
		}
		out = append(out, frMention(s, loc))
	}
	return out
}

// frCountryFollowers may follow a kanji country name inside a longer word.
var frCountryFollowers = []string{"内", "国内", "法", "州", "政府", "本社", "所在", "加盟", "籍", "企業", "法人", "系", "拠点", "子会社", "親会社", "等", "及", "又", "並"}

// frCountryBoundary reports whether the country name at text[start:end]
// stands as a word: katakana names not inside a longer katakana word, kanji
// names not inside a longer kanji word except with a suffix (米国内, 米国法).
func frCountryBoundary(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	name := text[start:end]
	first, _ := utf8.DecodeRuneInString(name)
	switch {
	case first < utf8.RuneSelf: // EU, EEA, UAE
		return !frIsASCIIAlnum(before) && !frIsASCIIAlnum(after)
	case unicode.In(first, unicode.Katakana):
		return !frIsKatakana(before) && !frIsKatakana(after)
	}
	if unicode.In(after, unicode.Han) {
		for _, f := range frCountryFollowers {
			if strings.HasPrefix(text[end:], f) {
				return true
			}
		}
		return false
	}
	return !unicode.In(before, unicode.Han) || before == '国' || before == '州'
}

// frIsASCIIAlnum: EU in EUR or UAE in a word is no country.
func frIsASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func frIsKatakana(r rune) bool { return unicode.In(r, unicode.Katakana) || r == 'ー' }

// frIsSource reports whether the party ending at off is where data comes
// from (海外の提携先から提供された情報), not where it goes.
func frIsSource(text string, off int) bool {
	rest := text[off:]
	return strings.HasPrefix(rest, "から") || strings.HasPrefix(rest, "より")
}

// frProvisionVerbAfter returns the first provision verb after the offset that
// lies in an affirmed clause of the sentence.
func frProvisionVerbAfter(s *model.Sentence, off int) (string, bool) {
	for _, loc := range frProvisionVerb.FindAllStringIndex(s.Text[off:], -1) {
		at := off + loc[0]
		if frVendorVerb.MatchString(s.Text[:off+loc[1]]) {
			continue
		}
		if frAffirmedAt(s, at) {
			return s.Text[at : off+loc[1]], true
		}
	}
	return "", false
}

// frPlaceWords are the substrings without which no sentence names a
// foreign place (a prefilter for the patterns built on frPlace).
var frPlaceWords = rx.Literals(append([]string{"外国", "海外", "国外", "国内外", "以外の国", "以外の地域", "当該国", "同国"}, foreignCountries...)...)

func frHasPlace(text string) bool { return frPlaceWords.MatchString(text) }

// frAffirmedAt: the clause at the offset states a fact (not negated, not a condition).
func frAffirmedAt(s *model.Sentence, off int) bool {
	c := s.ClauseAt(s.Span.Start + off)
	return c == nil || !c.Negated && !c.Conditional
}

// frNegatedAt: the clause at the offset is negated.
func frNegatedAt(s *model.Sentence, off int) bool {
	c := s.ClauseAt(s.Span.Start + off)
	return c != nil && c.Negated
}

// frMention makes a mention of s.Text[loc[0]:loc[1]].
func frMention(s *model.Sentence, loc []int) ForeignMention {
	sp := model.Span{Start: s.Span.Start + loc[0], End: s.Span.Start + loc[1]}
	return ForeignMention{Sentence: s, Span: sp, Text: s.Text[loc[0]:loc[1]]}
}
