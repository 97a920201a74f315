package rules

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Safety management measures (catalog section 4): 法23条, 32条1項4号,
// 令10条1号 and the PPC general guidelines 10 (別添「講ずべき安全管理措置の内容」).
//
// 令10条1号 makes the measures actually taken (講じた措置) an item the
// individual must be able to know, so a promise such as 「必要かつ適切な安全管理
// 措置を講じます」 describes nothing. The family shares one scan per document
// (safetyOf): for each category of the guidelines it keeps the sentences
// that describe a measure of that category. A category counts by its
// substance, whatever heading it is under; a heading or label line that
// names a category (人的安全管理措置, 技術的措置) also lends its category to
// the concrete items listed under it that no pattern recognises.
//
// A sentence does not count when its clause is negated or conditional, when
// it is planned rather than taken (予定, 検討), when it speaks of a
// contractor's measures (委託先の監督 is 法25条, not the operator's own
// measure) or another business's or the user's, when it is a purpose of
// use (入退室管理のため) or lies in a section listing purposes, collected
// items or cookies.

var safetyRules = []*engine.Rule{
	safetyMeasures, safetyBasicPolicy, safetyHandlingRules, safetyOrganizational,
	safetyHuman, safetyPhysical, safetyTechnical,
}

// safetyCategory is one category of measures of guidelines 10-2〜10-6.
type safetyCategory int

const (
	catHandlingRules  safetyCategory = iota // 10-2 個人データの取扱いに係る規律の整備
	catOrganizational                       // 10-3 組織的安全管理措置
	catHuman                                // 10-4 人的安全管理措置
	catPhysical                             // 10-5 物理的安全管理措置
	catTechnical                            // 10-6 技術的安全管理措置
	numSafetyCategories
)

// safetyStaff names the operator's own workforce: 従業者 in the sense of
// 法24条 covers part-timers, temporary staff and assistants who work under
// the operator's direction, whatever their title.
const safetyStaff = `従業者|従業員|社員|職員|役員|役職員|スタッフ|従事者|アルバイト|パートタイマー|パート(?:従業員|社員|職員)|派遣(?:社員|労働者|スタッフ)|アシスタント|補助者`

// safetyIncident is a breach or another incident of the handling.
const safetyIncident = `(?:漏え?い|漏洩|滅失|毀損|き損|事故|インシデント)`

// safetyMeasure recognises, per category, wording that describes a measure
// (not a threat: 「不正アクセス…を防止するため」 names what is feared, not what is done).
var safetyMeasure = [numSafetyCategories]*rx.Regexp{
	catHandlingRules: rx.MustCompile(
		// 取扱規程, 個人情報保護規程, 取扱方法に関する規定の整備 …
		`(?:取扱|取り?扱い|管理|保護|セキュリティ|安全管理)[^。、]{0,10}?(?:規程|規定|規則|細則|要領|マニュアル|手順書?|ルール|基準)(?:類|等)?[^。]{0,15}?(?:策定|制定|整備|定め|設け|作成|用意|規定し|整え|文書化|明文化)` +
			// 内部規程の整備, 社内規程を定め, 社内規程により…取扱い方法を規定
			`|(?:社内|内部)(?:の)?(?:規程|規定|規則|ルール)(?:類|等)?[^。]{0,40}?(?:策定|制定|整備|定め|設け|作成|用意|規定し|整え)` +
			`|規律(?:の|を)(?:整備|策定)|取扱(?:い)?規程|取り扱い規程|(?:個人情報|個人データ)(?:保護|管理|取扱)規程` +
			`|手順を(?:設け|定め|整備|策定|用意)` +
			// rules in prose (guidelines 10-2): the handling method for each
			// stage, or handling written down in internal documents
			`|(?:各段階|段階(?:ごと|毎)|段階に応じ)[^。]{0,20}?(?:取扱|取り?扱い)(?:の)?(?:方法|手順)[^。]{0,40}?(?:定め|規定し|策定|整備|文書化|明文化)` +
			`|(?:社内|内部)(?:の)?(?:文書|書面)[^。、]{0,6}?(?:で|に|により|として)[^。、]{0,6}?(?:定め|規定し|明記し|明文化し|記載し)`),
	catOrganizational: rx.MustCompile(
		// 責任者の設置 (管理者 only with what it manages: ウェブサイト管理者 is not one)
		`(?:(?:個人情報|個人データ|情報|プライバシー|セキュリティ|保護|部門)[^。、]{0,8}?(?:管理者|統括者|責任部門|管理部門)|責任者|担当役員|CPO|CISO|DPO)` +
			`[^。、]{0,6}?(?:を|の|として|と)?(?:設置|設け|置|任命|選任|配置|指名|定め|明確|とし[、て]|責任において|責任のもと|が確認|が監督|が管理)` +
			`|委員会(?:を|の)?(?:設置|設け)|報告(?:・|及び|および)?連絡体制|連絡(?:・|及び|および)?報告体制|インシデント対応|事故対応体制|緊急(?:時)?(?:対応|連絡)体制` +
			`|(?:管理|保護|推進|組織|社内|セキュリティ|安全管理|情報管理|責任)体制(?:を|の)?(?:整備|構築|確立|整え|敷)` +
			// 点検・監査 of the handling (監査役 is an officer, not an audit)
			`|(?:内部|外部|定期|第三者|セキュリティ|情報セキュリティ|個人情報保護)[^。、]{0,6}?監査|監査(?:を|の)?(?:実施|受け|行)` +
			`|自己点検|(?:取扱|取扱い|取り扱い|運用|管理)状況(?:の|を|について)?(?:点検|確認|把握|監査)|定期(?:的な|的に)?点検|日々の確認` +
			`|マネジメントシステム[」]?(?:として)?(?:を|の)?(?:構築|確立|運用|整備|策定)` +
			// a person in charge named in prose: 取扱いの責任者は…です
			`|(?:取扱|取り?扱い|管理|保護|個人情報|個人データ)[^。、]{0,8}?(?:責任者|管理者|統括者)は[^。、]{1,20}?(?:です|である|でございます|が務め|が担)` +
			// response to an incident (guidelines 10-3 (4)): reporting inside
			// the organisation, or establishing the facts and the cause
			`|` + safetyIncident + `[^。]{0,40}?(?:責任者|管理者|社内|上長)(?:へ|に)(?:の)?(?:報告|連絡)` +
			`|` + safetyIncident + `[^。]{0,40}?(?:(?:状況|事実関係|原因|影響(?:の)?範囲)(?:を|の)(?:確認|調査|究明|把握|特定)|再発防止策)`),
	catHuman: rx.MustCompile(
		// 担当者 alone is often a client's (ご担当者様向けの研修).
		`(?:` + safetyStaff + `|(?:取り?扱う|取扱)担当者|社内)[^。]{0,25}?(?:教育|研修|トレーニング|e-?ラーニング|啓発|周知|徹底させ|意識(?:の)?(?:向上|啓発))` +
			`|(?:教育|研修|トレーニング)[^。]{0,20}?(?:` + safetyStaff + `)(?:に対し|を対象|へ|に|全員)` +
			// staff instructed on how to handle the data (周知 in prose)
			`|(?:` + safetyStaff + `)[^。]{0,60}?(?:取扱|取り?扱い)[^。、]{0,4}?(?:注意点|注意事項|留意点|留意事項|ルール|方法)[^。、]{0,6}?(?:説明|指導|周知|伝え|徹底)` +
			`|(?:個人情報|個人データ|情報セキュリティ|プライバシー|情報管理)(?:保護)?(?:に関する|に係る|についての|の取り?扱いに関する|の)?(?:定期的な|定期)?(?:教育|研修|トレーニング)` +
			`|教育研修|定期研修` +
			// confidentiality binds staff; with a contractor it is 法25条
			`|(?:` + safetyStaff + `|就業規則|雇用|入社|退職)[^。]{0,30}?(?:秘密保持|秘密を保持|守秘義務|機密保持|誓約)` +
			`|(?:秘密保持|秘密を保持|守秘義務|機密保持|誓約書?)[^。]{0,30}?(?:` + safetyStaff + `|就業規則|雇用契約)` +
			// a confidentiality pledge collected is given by a person, not a
			// business (a contractor signs a 秘密保持契約, excluded below)
			`|(?:秘密保持|秘密を保持|守秘|機密保持)[^。、]{0,8}?誓約書?(?:を|の)?[^。、]{0,4}?(?:提出|取得|徴求|徴収|受領|取り交わ|差し入れ)` +
			`|就業規則[^。]{0,20}?(?:規定|定め|記載|明記)`),
	catPhysical: rx.MustCompile(
		`入退室|入退館|入退出|入室管理|入館管理|入室[^。]{0,15}?(?:制限|管理)|立ち?入り?(?:の)?制限|施錠|鍵(?:付き|のかかる)|キャビネット|金庫(?:に|で|内)(?:て)?保管` +
			`|持ち?込み(?:の)?制限|持ち?出し(?:の)?(?:制限|禁止|管理)` +
			`|(?:機器|媒体|端末|パソコン|PC|USB|ハードディスク|HDD|書類)[^。]{0,25}?(?:盗難|紛失)` +
			`|(?:機器|媒体|パソコン|PC|USB|ハードディスク|HDD)[^。]{0,20}?(?:廃棄|破棄|破壊|溶解|裁断|持ち運|持ち出)` +
			`|機器(?:・|、|及び|および|や)?(?:電子)?媒体(?:等)?(?:の)?管理|端末管理` +
			`|盗難(?:・紛失)?(?:の)?防止|のぞき見|覗き見|クリアデスク|クリアスクリーン` +
			`|取り?扱う区域|取扱区域|管理区域|閲覧(?:でき|され)ない(?:よう)?(?:な)?措置|シュレッダー|溶解処理|物理的(?:に)?(?:破壊|消去)`),
	catTechnical: rx.MustCompile(
		`アクセス(?:制御|コントロール|制限|権限|管理)|アクセス(?:可能|でき)[^。、]{0,4}者(?:の|を)?(?:制限|限定)|アクセスを(?:制限|限定|制御)|アクセス(?:は|を|できる者を|可能な者を)[^。]{0,20}?(?:に限定|に限り|を限定|に制限|を制限)` +
			`|(?:不要な|権限のない|権限を有しない者による|無権限の?)アクセス` +
			`|不正(?:な)?アクセス(?:防止|検知)?(?:対策|システム|装置|ソフト|ツール)|不正(?:な)?アクセス[^。]{0,25}?保護する(?:仕組み|システム|措置)|不正ソフトウェア` +
			`|(?:ウイルス|ウィルス|マルウェア)(?:対策|検知|駆除|防御)|セキュリティソフト|ファイア?ウォール|ファイヤーウォール|WAF|侵入(?:検知|防止)` +
			`|脆弱性(?:の)?(?:診断|管理|対策|検査|修正)|セキュリティパッチ|ログ(?:の)?監視|VPN` +
			`|多要素認証|[二2](?:要素|段階)認証|認証(?:機能|システム|技術|基盤|の強化)|パスワード(?:の)?(?:設定|保護|付与|ロック)|パスワードを(?:設定|付与|かけ)` +
			`|暗号化|暗号通信|暗号技術|SSL|TLS|HTTPS|https通信`),
}

// safetyKeywords are, per category, literals one of which every match of
// safetyMeasure contains: a cheap test before the costly expression.
var safetyKeywords = [numSafetyCategories]*rx.Regexp{
	catHandlingRules:  rx.Literals("規程", "規定", "規則", "細則", "要領", "マニュアル", "手順", "ルール", "基準", "規律", "段階", "文書", "書面"),
	catOrganizational: rx.Literals("責任者", "管理者", "統括者", "責任部門", "管理部門", "担当役員", "CPO", "CISO", "DPO", "委員会", "体制", "インシデント", "監査", "点検", "状況", "日々の確認", "マネジメントシステム", "漏", "滅失", "毀損", "き損", "事故"),
	catHuman:          rx.Literals("教育", "研修", "トレーニング", "ラーニング", "啓発", "周知", "徹底", "説明", "指導", "伝え", "意識", "秘密", "守秘", "機密保持", "誓約", "就業規則"),
	catPhysical:       rx.Literals("入退", "入室", "入館", "立入", "立ち入", "施錠", "鍵", "キャビネット", "金庫", "持込", "持ち込", "持出", "持ち出", "持ち運", "盗難", "紛失", "廃棄", "破棄", "破壊", "溶解", "裁断", "媒体", "端末管理", "のぞき見", "覗き見", "クリア", "区域", "閲覧", "シュレッダー", "消去"),
	catTechnical:      rx.Literals("アクセス", "不正ソフトウェア", "ウイルス", "ウィルス", "マルウェア", "セキュリティソフト", "ウォール", "WAF", "侵入", "脆弱性", "パッチ", "ログ", "VPN", "認証", "パスワード", "暗号", "SSL", "TLS", "HTTPS", "https"),
}

// safetyMayMatch reports whether text contains a keyword of the category.
func safetyMayMatch(c safetyCategory, text string) bool {
	return safetyKeywords[c].MatchString(text)
}

var (
	// safetyTitle is the title of a section about safety management.
	safetyTitle = rx.MustCompile(`(?:と|・|及び|および)管理|安全管理|安全対策|安全措置|セキュリティ|(?:個人情報|個人データ|情報)の(?:適正|適切|厳重)?(?:な)?管理|適正管理|管理(?:と|及び|および|・)保護|保護(?:措置|対策)|管理体制|体制強化|組織的|人的|物理的|技術的|教育|研修|従業者の監督`)
	// safetyAnchors are the headings a missing finding points at, best first.
	safetyAnchors = []*rx.Regexp{
		rx.MustCompile(`安全管理措置`),
		rx.MustCompile(`安全管理|安全対策|安全措置`),
		rx.MustCompile(`セキュリティ`),
		rx.MustCompile(`(?:個人情報|個人データ)の(?:適正|適切|厳重)?(?:な)?管理|適正管理|管理(?:と|及び|および|・)保護`),
	}
	// safetyExcludedTitle: sections that list purposes, collected items or
	// cookies, where 認証, 入退室管理 or 教育 are what data is used for.
	// (Contractors' measures are recognised sentence by sentence: headings
	// are too often missed for a whole section to be dropped.)
	safetyExcludedTitle = rx.MustCompile(`(?i)目的|cookie|クッキー|アクセス解析|外部送信|情報収集モジュール|広告|取得する(?:個人)?情報|収集する(?:個人)?情報|取得情報|取得項目|反社会`)
	// safetyStrong marks a sentence about safety even in such a section
	// (a missed heading leaves safety text under 「利用目的」).
	safetyStrong = rx.MustCompile(`安全管理|安全対策|セキュリティ対策|漏え?い|漏洩|滅失|毀損|き損`)

	// safetyTopic: a sentence outside a safety section must speak of
	// information to describe a measure protecting it.
	safetyTopic = rx.MustCompile(`情報|データ|個人|プライバシー|セキュリティ|安全|漏え?い|漏洩|従業|社員|職員|通信|システム|機器|媒体|端末|書類|アクセス`)
	// safetyContractor marks measures that are a contractor's or imposed on
	// one (委託先の監督, 秘密保持契約を締結した事業者).
	safetyContractor = rx.MustCompile(`委託|受託|提携先|協力会社|パートナー企業|外部業者|外部事業者|共同利用|提供先|取引先(?:と|との|に)`)
	// safetyStaffAndContractor is a contractor named alongside the
	// operator's staff (全従業員・業務委託者と秘密保持契約を締結): the measure
	// binds the staff too, so that mention does not make it a contractor's.
	// 委託先の従業員 (the contractor's staff) is no such pair.
	safetyStaffAndContractor = rx.MustCompile(`(?:` + safetyStaff + `)(?:・|、|及び|および|並びに|ならびに|や|と)(?:業務)?(?:委託先|委託者|受託者)|(?:業務)?(?:委託先|委託者|受託者)(?:・|、|及び|および|並びに|ならびに|や)(?:` + safetyStaff + `)`)
	// safetyUserSubject marks what the user or another business does
	// (お客様は…パスワードを設定, 決済代行会社は…暗号化), unless the operator
	// becomes the subject again before the match. 従業者は is the operator's
	// own staff, not a 業者.
	safetyUserSubject     = rx.MustCompile(`(?:お客様|お客さま|利用者|ユーザー?|会員|ご本人|閲覧者)(?:様|さま)?(?:は|が|ご自身)|(?:決済代行|代行|事業者|(?:^|[^従])業者|プロバイダ|ベンダー|提供元|提供会社|LLC|Inc\.?|Ltd\.?)(?:会社|業者|事業者)?(?:等)?(?:は|が)`)
	safetyOperatorSubject = rx.MustCompile(`(?:当社|弊社|当会|当法人|当店|当事務所|当団体|私たち|わたしたち)(?:は|では|が|において)`)
	// safetyPermissionAfter: an app asking for access (カメラへのアクセス権限
	// を求めます) collects data; it does not protect it.
	safetyPermissionAfter = rx.MustCompile(`^(?:を|の|が)?(?:許可|要求|求め|リクエスト|必要|付与を)`)
	// safetyNotTaken: planned, possible or hypothetical, not taken.
	safetyNotTaken = rx.MustCompile(`予定|検討|計画して|目指|(?:場合|こと)が(?:あり|ござい)|ことができ|可能性`)
	// safetyProhibits: the operator prevents others from doing something.
	safetyProhibits = rx.MustCompile(`させ(?:ない|ません|ず)|(?:持ち出|持ち込)[^。、]{0,4}(?:ない|ません)`)
	// safetyHandlingEvent is a condition naming a stage of handling.
	safetyHandlingEvent = rx.MustCompile(`(?:廃棄|破棄|持ち運|持ち出|移送|送信|送付|保管|消去|返却)(?:す|さ|し|を行う|を行)[^、。]{0,6}(?:際|場合|とき)`)
	// safetyPurposeAfter: the measure word is itself a purpose
	// (入退出管理の為, オペレータ教育に利用するため).
	safetyPurposeAfter = rx.MustCompile(`^[^。、]{0,8}?(?:の|に利用する|に使用する|に用いる|を促す|を行う)(?:ため|為)`)
	// safetyPurposeItem is a list entry of purposes (…のため).
	safetyPurposeItem = rx.MustCompile(`(?:ため|為)(?:に)?[。.]?$`)
	// safetyRecordAfter: a data item, not a measure (研修履歴, 教育機関).
	safetyRecordAfter = rx.MustCompile(`^(?:の)?(?:履歴|記録|受講歴|実績|資料|機関|事業|サービス|講師|番号|役|法人|等委員)`)
	// safetyUseAfter: the measure word is something data is used for
	// (採用、教育、人事評価に利用します).
	safetyUseAfter = rx.MustCompile(`に(?:利用|使用|活用)(?:し|す|いた|致|させ|され)|(?:の|を)目的(?:と|で|に)|目的(?:で|として)(?:利用|使用)`)
	// safetyRequestTopic: procedures for requests and complaints are not
	// rules for handling personal data.
	safetyRequestTopic = rx.MustCompile(`苦情|問い?合わ?せ|問合せ|請求|開示|訂正|利用停止|申出|申し出|相談`)
	// safetyDeskBefore: the person in charge of a desk or of joint use is
	// not a person in charge of the handling (苦情受付の責任者).
	safetyDeskBefore = rx.MustCompile(`(?:苦情|問い?合わ?せ|問合せ|窓口|相談|共同利用)[^。、]{0,10}$`)
	// safetyDeskTitle is a section giving a contact desk: a manager named
	// there is the contact, not a measure (個人情報保護管理者は総務部長です).
	safetyDeskTitle = rx.MustCompile(`苦情|問い?合わ?せ|問合せ|窓口|相談|連絡先|共同利用`)
	// safetyNotMeasure: rules and systems against anti-social forces are
	// not personal-data measures.
	safetyNotMeasure = rx.MustCompile(`反社会`)

	// safetyLabel is a line that names a category of measures (a heading or
	// a label above a list): 人的安全管理措置, 技術的措置, (5) 物理的安全管理措置.
	safetyLabel = rx.MustCompile(`^(組織的|人的|物理的|技術的)(?:な)?(?:安全管理|安全|セキュリティ)?(?:措置|対策)?(?:について|に関する事項|の概要)?\s*[:：]?$`)
	// safetyLabelPrefix is a label followed by its content on the same line
	// (table cell, 「人的安全管理措置：従業者に研修を実施」).
	safetyLabelPrefix = rx.MustCompile(`^(?:[(【\[]\s*)?(組織的|人的|物理的|技術的)(?:な)?(?:安全管理|安全|セキュリティ)?(?:措置|対策)\s*(?:[)】\]]|[:：|\t]|\s)\s*(\S.*)$`)
	// safetyAction: content under a label must say what is done.
	safetyAction    = rx.MustCompile(`実施|設置|導入|配布|締結|取得|制限|限定|管理|記載|規定|定め|整備|行|講じ|配置|保管|施|確認|点検|監視|記録|禁止|使用|利用|設け|付与|構築|運用|徹底|明確化|消去|廃棄|作成|用意|把握|明示|任命|選任|指名|周知|教育|研修|暗号|認証|遵守|分離|区分`)
	safetyBracketed = rx.MustCompile(`^[(【\[<＜〈《]\s*([^)】\]>＞〉》]{1,30}?)\s*[)】\]>＞〉》]$`)
	// safetyOtherLabel ends the scope of a category label.
	safetyOtherLabel = rx.MustCompile(`^(?:基本方針|(?:個人データの)?取扱いに係る規律|規律の整備|外的環境)`)
	safetyEnumerator = rx.MustCompile(`^\s*(?:[-*+・•●○◆◇■□▪]\s*|#+\s*|[(（]\s*\d{1,2}\s*[)）]\s*|\d{1,2}\s*[.)．、]\s*|[①-⑳]\s*|第\d+条\s*)`)
	// safetyGeneric is a statement that measures exist without saying which.
	safetyGeneric = rx.MustCompile(`(?:必要|適切|適正|合理的|万全)[^。]{0,15}(?:安全管理)?(?:措置|対策|管理)|安全(?:に|な)管理|(?:以下|次|下記)の(?:とおり|措置|対策)|(?:措置|対策)(?:を|が)(?:講|実施|行|施|と)`)
	// safetyPledge promises to improve rather than describing a measure.
	safetyPledge = rx.MustCompile(`見直し|改善|向上に努`)
	// safetyPointer refers elsewhere instead of describing a measure.
	safetyPointer = rx.MustCompile(`問い?合わ?せ|問合せ|ご参照|ご覧|別途|こちら`)

	// Basic policy (guidelines 10-1): an explicit 基本方針 on personal data,
	// or a declaration that the operator complies with the laws.
	basicPolicyTerm    = rx.MustCompile(`基本方針`)
	basicPolicyContext = rx.MustCompile(`個人情報|個人データ|プライバシー|パーソナルデータ|安全管理|情報セキュリティ|データ保護`)
	complianceVerb     = rx.MustCompile(`遵守|順守`)
	complianceLaw      = rx.MustCompile(`法令|法律|法規|個人情報保護法|ガイドライン|指針|規範|条例`)
	complianceTitle    = rx.MustCompile(`法令|遵守|順守|コンプライアンス`)
	// complianceFollow: 「個人情報保護法その他の関係法令に従い、適切に取り扱います」.
	complianceFollow = rx.MustCompile(`(?:個人情報保護法|個人情報の保護に関する法律|個人情報(?:の)?(?:保護|取り?扱い)?に関する(?:法令|法律)|関係法令|関連法令)[^。]{0,40}?(?:に従い|に従って|に則り|に則って|に準拠し|を踏まえ)[、]?[^。]{0,30}?(?:適切|適正)に(?:取り?扱|取扱|管理|保護)`)
)

// safetyScan is the shared analysis of one document.
type safetyScan struct {
	evidence [numSafetyCategories][]model.Span
	basic    []model.Span
	anchor   model.Span
	// promise is the first generic promise of measures, for the message.
	promise *model.Sentence
}

// safetyScanKey is the Memo key of the safety analysis.
type safetyScanKey struct{}

// safetyOf returns the safety analysis of the pass's document, computed
// once per document for the seven rules of the family.
func safetyOf(p *engine.Pass) *safetyScan {
	return p.Memo(safetyScanKey{}, func() any { return scanSafety(p.Doc) }).(*safetyScan)
}

// sectionKind says whether a section is about safety or must be skipped.
type sectionKind int

const (
	sectionPlain sectionKind = iota
	sectionSafety
	sectionExcluded
)

// safetySectionKind classifies a sentence's section: the nearest titled
// section that is either about safety or excluded decides, so a safety
// subsection under 「利用目的と管理」 still counts.
func safetySectionKind(sec *model.Section, cache map[*model.Section]sectionKind) sectionKind {
	if sec == nil {
		return sectionPlain
	}
	if k, ok := cache[sec]; ok {
		return k
	}
	var k sectionKind
	switch {
	case sec.Head != nil && safetyTitle.MatchString(sec.Title):
		k = sectionSafety
	case sec.Head != nil && safetyExcludedTitle.MatchString(sec.Title):
		k = sectionExcluded
	default:
		k = safetySectionKind(sec.Parent, cache)
	}
	cache[sec] = k
	return k
}

func scanSafety(doc *model.Document) *safetyScan {
	r := &safetyScan{anchor: Anchor(doc, safetyAnchors...)}
	kinds := map[*model.Section]sectionKind{}
	seen := [numSafetyCategories]map[int]bool{}
	for i := range seen {
		seen[i] = map[int]bool{}
	}
	add := func(c safetyCategory, s *model.Sentence) {
		if !seen[c][s.Index] {
			seen[c][s.Index] = true
			r.evidence[c] = append(r.evidence[c], s.Span)
		}
	}

	// label scope: the category a label line lends to what follows it.
	scopeCat, scopeLeft := safetyCategory(-1), 0
	var scopeSection *model.Section

	for _, s := range doc.Sentences {
		kind := safetySectionKind(s.Section(), kinds)
		text := s.Text
		bare := safetyStripEnumerators(text)
		// 「（人的安全管理措置）」 and 「【技術的安全管理措置】」 are labels too.
		if m := safetyBracketed.FindStringSubmatch(bare); m != nil {
			bare = m[1]
		}

		// Track category labels (headings scope their section; other label
		// lines scope the following lines up to the next label or heading).
		if s.Block.Kind == model.Heading {
			scopeCat, scopeLeft = -1, 0
		}
		if m := safetyLabel.FindStringSubmatch(bare); m != nil && utf8.RuneCountInString(bare) <= 24 {
			scopeCat = safetyLabelCategory(m[1])
			scopeLeft = 12
			scopeSection = s.Section()
			if s.Block.Kind == model.Heading {
				scopeLeft = -1 // the whole section
			}
			continue
		}
		if safetyOtherLabel.MatchString(bare) && utf8.RuneCountInString(bare) <= 24 && !strings.Contains(bare, "。") {
			// 「(2) 個人データの取扱いに係る規律の整備」 names a category;
			// what follows it describes the measure.
			scopeCat, scopeLeft = -1, 0
			continue
		}
		// A label line scopes only the list or short lines right after it.
		if scopeLeft > 0 && !safetyItemLine(s) {
			scopeCat, scopeLeft = -1, 0
		}
		inScope := scopeCat >= 0 && scopeLeft != 0 && s.Section() != nil && scopeSection != nil &&
			(s.Section() == scopeSection || scopeSection.Span.Contains(s.Span))
		if scopeLeft > 0 {
			scopeLeft--
		}

		if kind == sectionExcluded && !safetyStrong.MatchString(text) || safetyPurposeRow(s) || safetyNotMeasure.MatchString(text) {
			continue
		}
		r.scanBasicPolicy(s, kind)
		if kind != sectionSafety && !inScope && !safetyTopic.MatchString(text) {
			continue
		}
		if r.promise == nil && safetyGeneric.MatchString(text) && (kind == sectionSafety || strings.Contains(text, "安全")) {
			r.promise = s
		}

		deskSection := kind != sectionSafety && s.Section() != nil && safetyDeskTitle.MatchString(s.Section().Title)
		found := false
		for c := safetyCategory(0); c < numSafetyCategories; c++ {
			if !safetyMayMatch(c, text) || c == catHandlingRules && safetyRequestTopic.MatchString(text) {
				continue
			}
			for _, loc := range safetyMeasure[c].FindAllStringIndex(text, -1) {
				if c == catOrganizational && (safetyDeskBefore.MatchString(text[:loc[0]]) || deskSection) {
					continue
				}
				if safetyAccepted(s, loc[0], loc[1]) {
					add(c, s)
					found = true
					break
				}
			}
		}
		if found {
			continue
		}
		// A concrete item under a category label counts for that category
		// even when its wording is not recognised.
		cat, content := scopeCat, text
		if c, rest, ok := safetyRowLabel(doc, s, bare); ok {
			cat, content = c, rest
		} else if !inScope {
			continue
		}
		if cat >= 0 && safetyConcrete(s, content) {
			add(cat, s)
		}
	}
	return r
}

// safetyRowLabel finds a category label that heads its own line: the first
// cell of a table row, or 「人的安全管理措置：…」. It returns the category and
// the rest of the line.
func safetyRowLabel(doc *model.Document, s *model.Sentence, bare string) (safetyCategory, string, bool) {
	if b := s.Block; b.Kind == model.TableRow && len(b.Cells) >= 2 {
		first := safetyStripEnumerators(strings.Trim(doc.Slice(b.Cells[0]), "| \t"))
		if m := safetyLabel.FindStringSubmatch(first); m != nil {
			var rest []string
			for _, c := range b.Cells[1:] {
				rest = append(rest, doc.Slice(c))
			}
			return safetyLabelCategory(m[1]), strings.Join(rest, " "), true
		}
	}
	if m := safetyLabelPrefix.FindStringSubmatch(bare); m != nil {
		return safetyLabelCategory(m[1]), m[2], true
	}
	return 0, "", false
}

// safetyLabelCategory maps a label word to its category.
func safetyLabelCategory(word string) safetyCategory {
	switch word {
	case "組織的":
		return catOrganizational
	case "人的":
		return catHuman
	case "物理的":
		return catPhysical
	}
	return catTechnical
}

// safetyStripEnumerators removes list markers and article numbers.
func safetyStripEnumerators(text string) string {
	for {
		loc := safetyEnumerator.FindStringIndex(text)
		if loc == nil || loc[1] == 0 {
			return strings.TrimSpace(text)
		}
		text = text[loc[1]:]
	}
}

// safetyPurposeRow reports whether the sentence is an entry of purposes: a
// table row with a purpose cell, or a short list entry ending in …のため.
func safetyPurposeRow(s *model.Sentence) bool {
	b := s.Block
	if b.Kind == model.TableRow && strings.Contains(b.Text, "目的") {
		return true
	}
	if (b.Kind == model.ListItem || b.Kind == model.TableRow || utf8.RuneCountInString(s.Text) <= 40) && safetyPurposeItem.MatchString(strings.TrimSpace(s.Text)) {
		return true
	}
	return false
}

// safetyAccepted reports whether the match [start, end) of s describes a
// measure the operator has taken.
func safetyAccepted(s *model.Sentence, start, end int) bool {
	text := s.Text
	c := s.ClauseAt(s.Span.Start + start)
	// A match that starts in a condition and runs past it (スタッフを採用する
	// 際には、…研修を実施) names its measure in the later clause: the
	// condition only says when the measure applies, so that clause decides.
	if c != nil && s.Span.Start+end > c.Span.End {
		c = s.ClauseAt(s.Span.Start + end - 1)
	}
	before := text[:start]
	clause := text
	clauseEnd := len(text)
	if c != nil {
		clause = c.Text
		clauseEnd = c.Span.End - s.Span.Start
	}
	if clauseEnd < end {
		clauseEnd = end
	}
	after := text[end:clauseEnd]
	// A negated measure is not taken (暗号化は実施しておりません); a negated
	// threat is a measure (権限のない者には閲覧させません).
	if c != nil && c.Negated && !safetyProhibits.MatchString(after) {
		return false
	}
	// The splitter does not cut at 「とともに、」, so a clause can hold a
	// measure and a later condition; the match is conditional only when
	// no comma separates it from the condition ending the clause. A
	// condition that names a handling event (媒体を廃棄する際は、…消去)
	// says when a measure applies, and counts when the main clause affirms it.
	if c != nil && c.Conditional && !strings.Contains(strings.TrimRight(after, "、, "), "、") &&
		!(safetyHandlingEvent.MatchString(clause) && safetyMainAffirmed(s)) {
		return false
	}
	if safetyContractorIn(before) || safetyContractorIn(clause) {
		return false
	}
	if safetyUserSpeaks(before) || safetyPermissionAfter.MatchString(text[end:]) {
		return false
	}
	if safetyNotTaken.MatchString(after) || safetyPurposeAfter.MatchString(after) || safetyUseAfter.MatchString(after) || safetyRecordAfter.MatchString(text[end:]) {
		return false
	}
	return true
}

// safetyConcrete reports whether content under a category label states a
// concrete measure the operator has taken.
func safetyConcrete(s *model.Sentence, content string) bool {
	content = strings.TrimSpace(strings.Trim(content, "|\t "))
	if utf8.RuneCountInString(content) < 4 || !safetyAction.MatchString(content) ||
		safetyGeneric.MatchString(content) || safetyPointer.MatchString(content) || safetyPledge.MatchString(content) {
		return false
	}
	for _, c := range s.Clauses {
		if c.Negated || c.Conditional {
			return false
		}
	}
	if safetyContractorIn(s.Text) || safetyUserSpeaks(s.Text) || safetyNotTaken.MatchString(s.Text) {
		return false
	}
	return true
}

// scanBasicPolicy records the sentences that state the basic policy: an
// explicit 基本方針 on personal data, or the operator's own declaration that
// it complies with the laws and guidelines.
func (r *safetyScan) scanBasicPolicy(s *model.Sentence, kind sectionKind) {
	text := s.Text
	if loc := basicPolicyTerm.FindStringIndex(text); loc != nil {
		// A bare 「基本方針」 heading is a page title, not a stated policy.
		if (basicPolicyContext.MatchString(text) || kind == sectionSafety && s.Block.Kind != model.Heading) && safetyAccepted(s, loc[0], loc[1]) {
			r.basic = append(r.basic, s.Span)
			return
		}
	}
	for _, loc := range complianceVerb.FindAllStringIndex(text, -1) {
		// A heading 「法令等の遵守」 titles the declaration below it.
		if s.Block.Kind == model.Heading || !safetyLawBefore(s, loc[0]) {
			continue
		}
		context := basicPolicyContext.MatchString(text) || s.Section() != nil && complianceTitle.MatchString(s.Section().Title)
		if context && safetyAccepted(s, loc[0], loc[1]) {
			r.basic = append(r.basic, s.Span)
			return
		}
	}
	if loc := complianceFollow.FindStringIndex(text); loc != nil && safetyAccepted(s, loc[0], loc[1]) {
		r.basic = append(r.basic, s.Span)
	}
}

// safetyArticle cites the basis of the family; categories add their
// section of the general guidelines.
func safetyArticle(guideline string) engine.Text {
	return engine.Text{
		JA: "法23条、法32条1項4号、令10条1号、通則ガイドライン" + guideline,
		EN: "APPI Art. 23, 32(1)(iv); Order Art. 10(i); PPC General Guidelines " + guideline,
	}
}

var safetyMeasures = &engine.Rule{
	ID:       "appi/safety-measures",
	Severity: engine.Error,
	Article:  engine.Text{JA: "法23条、法32条1項4号、令10条1号", EN: "APPI Art. 23, 32(1)(iv); Order Art. 10(i)"},
	Title:    engine.Text{JA: "講じた安全管理措置の内容", EN: "Safety management measures taken"},
	Doc: engine.Text{
		JA: "保有個人データの安全管理のために講じた措置（令10条1号）を本人の知り得る状態に置く必要があります。規律の整備、組織的・人的・物理的・技術的安全管理措置のいずれかについて、実際に講じている措置の内容（責任者の設置、従業者の研修、入退室管理、アクセス制御、暗号化など）が記載されていれば記載ありとします。" +
			"「必要かつ適切な安全管理措置を講じます」のような約束だけ、委託先の監督だけ、否定・仮定の記述は記載なしです。",
		EN: "The measures taken for the safety management of retained personal data (Order Art. 10(i)) must be made known. Present when the policy describes a measure actually taken in at least one category: handling rules, or organisational, human, physical or technical measures (a person in charge, staff training, entry control, access control, encryption …). " +
			"A bare promise such as 「必要かつ適切な安全管理措置を講じます」, the supervision of contractors alone, or negated and hypothetical text is missing.",
	},
	Missing: engine.Text{
		JA: "講じた安全管理措置の内容が記載されていません（法32条1項4号、令10条1号）。「適切な措置を講じます」という約束ではなく、責任者の設置、従業者の教育、入退室管理、アクセス制御など実際に講じている措置を記載してください。",
		EN: "The safety management measures taken are not described (APPI Art. 32(1)(iv); Order Art. 10(i)). Instead of a promise to take appropriate measures, describe the measures actually taken: a person in charge, staff training, entry control, access control and so on.",
	},
	Fix: engine.Text{
		JA: "当社は、保有個人データの安全管理のため、以下の措置を講じています。\n" +
			"・組織的安全管理措置：個人データの取扱いに関する責任者として【役職】を設置し、法令や社内規程に違反する事実を把握した場合の報告連絡体制を整備しています。\n" +
			"・人的安全管理措置：従業者に対し個人データの取扱いに関する研修を【頻度】実施しています。\n" +
			"・物理的安全管理措置：個人データを取り扱う区域の入退室管理を行い、機器・媒体の盗難・紛失を防止する措置を講じています。\n" +
			"・技術的安全管理措置：アクセス制御により担当者と取り扱う個人データの範囲を限定し、不正アクセス等から保護する仕組みを導入しています。",
		EN: "Add a list of the measures actually taken, by category (guidelines 10): a person in charge and a reporting line (organisational), staff training (human), entry control and theft prevention (physical), access control and protection against unauthorised access (technical). Fill in the facts in 【…】.",
	},
	Good: "当社は、個人情報保護管理者を設置し、従業者に年1回の研修を実施するとともに、個人データへのアクセス権限を限定しています。",
	Bad:  "当社は、個人情報の漏えい等を防止するため、必要かつ適切な安全管理措置を講じます。",
	Run:  runSafetyMeasures,
}

func runSafetyMeasures(p *engine.Pass) {
	r := safetyOf(p)
	var ev []model.Span
	seen := map[model.Span]bool{}
	for c := safetyCategory(0); c < numSafetyCategories; c++ {
		for _, sp := range r.evidence[c] {
			if !seen[sp] {
				seen[sp] = true
				ev = append(ev, sp)
			}
		}
	}
	sort.Slice(ev, func(i, j int) bool { return ev[i].Start < ev[j].Start })
	if len(ev) > 0 {
		p.OK(ev...)
		return
	}
	if r.promise == nil {
		p.Missing(r.anchor)
		return
	}
	anchor := r.anchor
	if len(safetyAnchorSections(p.Doc)) == 0 {
		anchor = r.promise.Span
	}
	p.MissingWith(anchor, engine.Text{
		JA: "安全管理措置を講じる旨の記述はありますが、講じた措置の内容が記載されていません（法32条1項4号、令10条1号）。「必要かつ適切な措置を講じます」だけでは足りません。責任者の設置、従業者の教育、入退室管理、アクセス制御など実際に講じている措置を記載してください。",
		EN: "The policy says that safety measures are taken but not which (APPI Art. 32(1)(iv); Order Art. 10(i)). 「必要かつ適切な措置を講じます」 is not enough: describe the measures actually taken, such as a person in charge, staff training, entry control and access control.",
	})
}

// safetyAnchorSections returns the sections a safety finding can point at.
func safetyAnchorSections(doc *model.Document) []*model.Section {
	for _, re := range safetyAnchors {
		if secs := Sections(doc, re); len(secs) > 0 {
			return secs
		}
	}
	return nil
}

var safetyBasicPolicy = &engine.Rule{
	ID:       "appi/safety-basic-policy",
	Severity: engine.Warning,
	Article:  safetyArticle("10-1"),
	Title:    engine.Text{JA: "基本方針の策定", EN: "Basic policy"},
	Doc: engine.Text{
		JA: "安全管理措置の一つとして、個人データの適正な取扱いに関する基本方針の策定が求められます。個人情報の保護に関する基本方針を策定している旨、または本方針において事業者自身が個人情報保護法その他の法令・ガイドライン等を遵守する旨を宣言していれば記載ありとします。" +
			"「法令に基づく場合」のような例外の中の「法令」、ページ見出しだけの「基本方針」、「本ポリシーを定めます」という自己言及は記載なしです。",
		EN: "One of the safety measures is a basic policy on the proper handling of personal data. Present when the policy states that a basic policy on personal-information protection has been adopted, or when the operator itself declares that it complies with the personal-information laws and guidelines (法令・ガイドライン等を遵守します). " +
			"法令 only inside an exception (法令に基づく場合), a bare 「基本方針」 page heading, or 「本ポリシーを定めます」 is missing.",
	},
	Missing: engine.Text{
		JA: "基本方針の策定が記載されていません（法23条、通則ガイドライン10-1）。個人情報保護法その他の関係法令・ガイドラインを遵守する旨、または個人データの適正な取扱いに関する基本方針を策定している旨を記載してください。",
		EN: "No basic policy is stated (APPI Art. 23; PPC General Guidelines 10-1). State that the operator complies with the APPI and the related laws and guidelines, or that it has adopted a basic policy on the proper handling of personal data.",
	},
	Fix: engine.Text{
		JA: "当社は、個人データの適正な取扱いの確保のため、個人情報保護法その他の関係法令・ガイドライン等を遵守すること、質問及び苦情処理の窓口等について、基本方針を策定しています。",
		EN: "Add a sentence stating that the operator has adopted a basic policy (compliance with the APPI and the related laws and guidelines, a contact point for questions and complaints) for the proper handling of personal data.",
	},
	Good: "当社は、個人情報保護法その他の関係法令及びガイドラインを遵守します。",
	Bad:  "当社は、法令に基づく場合を除き、個人情報を第三者に提供しません。",
	Run: func(p *engine.Pass) {
		r := safetyOf(p)
		if len(r.basic) > 0 {
			p.OK(r.basic...)
			return
		}
		p.Missing(r.anchor)
	},
}

// categoryRule declares the rule of one category of measures.
func categoryRule(c safetyCategory, id, guideline string, title, doc, missing, fix engine.Text, good, bad string) *engine.Rule {
	return &engine.Rule{
		ID: id, Severity: engine.Warning, Article: safetyArticle(guideline),
		Title: title, Doc: doc, Missing: missing, Fix: fix, Good: good, Bad: bad,
		Run: func(p *engine.Pass) {
			r := safetyOf(p)
			if ev := r.evidence[c]; len(ev) > 0 {
				p.OK(ev...)
				return
			}
			p.Missing(r.anchor)
		},
	}
}

var safetyHandlingRules = categoryRule(catHandlingRules, "appi/safety-rules", "10-2",
	engine.Text{JA: "個人データの取扱いに係る規律の整備", EN: "Rules for handling personal data"},
	engine.Text{
		JA: "取得・利用・保存・提供・削除等の段階ごとに取扱方法や責任者を定めた取扱規程などの規律を整備していることの記載です。取扱規程・個人情報保護規程・社内規程を策定・整備している旨、取扱方法や手順を定めている旨があれば記載ありとします。" +
			"「当社所定の手続」（開示請求の手続）や利用規約の「規約」は該当しません。",
		EN: "States that rules for handling personal data (取扱規程: handling methods and responsibilities for each stage from collection to deletion) have been established. Present when the policy says handling rules, a personal-information protection regulation or internal rules have been drawn up, or handling methods and procedures defined. " +
			"The procedure for requests (当社所定の手続) or the terms of use (規約) are not such rules.",
	},
	engine.Text{
		JA: "個人データの取扱いに係る規律の整備が記載されていません（法23条、通則ガイドライン10-2）。取得、利用、保存、提供、削除・廃棄等の段階ごとに取扱方法、責任者・担当者及びその任務等を定めた取扱規程を策定している旨を記載してください。",
		EN: "Rules for handling personal data are not described (APPI Art. 23; PPC General Guidelines 10-2). State that handling rules define, for each stage (collection, use, storage, provision, deletion), the handling method, the persons in charge and their duties.",
	},
	engine.Text{
		JA: "・個人データの取扱いに係る規律の整備：取得、利用、保存、提供、削除・廃棄等の段階ごとに、取扱方法、責任者・担当者及びその任務等について個人データの取扱規程を策定しています。",
		EN: "Add to the list of measures that handling rules (取扱規程) cover each stage of handling, with methods, persons in charge and their duties.",
	},
	"当社は、個人データの取扱規程を策定し、取得・利用・保存・削除の各段階の取扱方法を定めています。",
	"当社は、個人情報を適切に取り扱います。",
)

var safetyOrganizational = categoryRule(catOrganizational, "appi/safety-organizational", "10-3",
	engine.Text{JA: "組織的安全管理措置", EN: "Organisational safety measures"},
	engine.Text{
		JA: "個人データの取扱いに関する責任者の設置、漏えい等の事案に備えた報告連絡体制の整備、取扱状況の点検・監査など、組織としての措置の記載です。見出しに「組織的」とあるかは問いません。" +
			"問い合わせ先として役職名を掲げるだけ、「体制を継続的に見直します」という改善の約束、委託先からの報告の受領は該当しません。",
		EN: "Organisational measures: a person in charge of personal data, a reporting line for breaches and violations, inspection or audit of the handling. The heading need not say 組織的. " +
			"A job title given only as a contact, a pledge to keep improving the organisation, or reports received from contractors do not count.",
	},
	engine.Text{
		JA: "組織的安全管理措置が記載されていません（法23条、通則ガイドライン10-3）。個人データの取扱いに関する責任者の設置、法令・規程違反や漏えい等を把握した場合の報告連絡体制、取扱状況の定期的な点検・監査などを記載してください。",
		EN: "Organisational measures are not described (APPI Art. 23; PPC General Guidelines 10-3). Describe the person in charge of personal data, the reporting line when a violation or breach is found, and periodic inspection or audit of the handling.",
	},
	engine.Text{
		JA: "・組織的安全管理措置：個人データの取扱いに関する責任者として【役職】を設置するとともに、法や取扱規程に違反している事実又は兆候を把握した場合の責任者への報告連絡体制を整備しています。また、個人データの取扱状況について【頻度】点検・監査を実施しています。",
		EN: "Add to the list of measures the person in charge (by title), the reporting line to that person and the periodic inspection or audit of the handling.",
	},
	"当社は、個人情報保護管理者を設置し、従業者から管理者への報告連絡体制を整備しています。",
	"当社は、個人情報を適切に管理するよう努めます。",
)

var safetyHuman = categoryRule(catHuman, "appi/safety-human", "10-4",
	engine.Text{JA: "人的安全管理措置", EN: "Human safety measures"},
	engine.Text{
		JA: "従業者に対する個人データの取扱いに関する教育・研修、秘密保持に関する事項の就業規則等への記載など、従業者に関する措置の記載です。「人的」の語がなくても、従業員への教育研修が書かれていれば記載ありとします。" +
			"「従業者を適切に監督します」という法24条の言い換えだけ、委託先との秘密保持契約、利用目的としての「教育」は該当しません。",
		EN: "Human measures: training staff on the handling of personal data, confidentiality duties in the work rules and the like. Staff training counts without the word 人的. " +
			"Merely restating the duty to supervise employees (Art. 24), confidentiality agreements with contractors, or training named as a purpose of use do not count.",
	},
	engine.Text{
		JA: "人的安全管理措置が記載されていません（法23条、通則ガイドライン10-4）。従業者に対する個人データの取扱いに関する定期的な研修や、秘密保持に関する事項の就業規則への記載などを記載してください。",
		EN: "Human measures are not described (APPI Art. 23; PPC General Guidelines 10-4). Describe the periodic training of staff on personal data and the confidentiality duties in the work rules.",
	},
	engine.Text{
		JA: "・人的安全管理措置：個人データの取扱いに関する留意事項について、従業者に【頻度】研修を実施しています。また、個人データについての秘密保持に関する事項を就業規則に記載しています。",
		EN: "Add to the list of measures the training of staff (with its frequency) and the confidentiality clause of the work rules.",
	},
	"当社は、従業者に対し、個人情報の取扱いに関する研修を毎年実施しています。",
	"当社は、従業者を適切に監督します。",
)

var safetyPhysical = categoryRule(catPhysical, "appi/safety-physical", "10-5",
	engine.Text{JA: "物理的安全管理措置", EN: "Physical safety measures"},
	engine.Text{
		JA: "個人データを取り扱う区域の入退室管理、機器・電子媒体・書類の盗難・紛失の防止、機器・媒体の持出しや廃棄の管理など、物理的な措置の記載です。" +
			"「紛失、破壊、改ざん等の危険に対して安全対策を実施します」のように脅威を挙げるだけの記述、利用目的としての「入退出管理のため」、不要な情報の廃棄一般は該当しません。",
		EN: "Physical measures: entry control for the areas where personal data is handled, prevention of theft and loss of devices, media and papers, control of carrying out and disposing of devices and media. " +
			"Naming threats (「紛失、破壊…の危険に対して安全対策を実施」), entry control named as a purpose of use, or deleting data that is no longer needed do not count.",
	},
	engine.Text{
		JA: "物理的安全管理措置が記載されていません（法23条、通則ガイドライン10-5）。個人データを取り扱う区域の入退室管理、機器・電子媒体等の盗難・紛失の防止、機器・媒体の廃棄の方法などを記載してください。",
		EN: "Physical measures are not described (APPI Art. 23; PPC General Guidelines 10-5). Describe entry control for the areas where personal data is handled, theft and loss prevention for devices and media, and how they are disposed of.",
	},
	engine.Text{
		JA: "・物理的安全管理措置：個人データを取り扱う区域において、従業者の入退室管理及び持ち込む機器等の制限を行うとともに、個人データを取り扱う機器、電子媒体及び書類等の盗難又は紛失等を防止するための措置を講じています。",
		EN: "Add to the list of measures entry control for the handling areas and the prevention of theft and loss of devices, electronic media and papers.",
	},
	"当社は、個人データを取り扱う区域の入退室を管理し、書類は施錠できるキャビネットに保管しています。",
	"当社は、個人情報の紛失、破壊等の危険に対して適切な安全対策を実施します。",
)

var safetyTechnical = categoryRule(catTechnical, "appi/safety-technical", "10-6",
	engine.Text{JA: "技術的安全管理措置", EN: "Technical safety measures"},
	engine.Text{
		JA: "アクセス制御、アクセス者の識別と認証、外部からの不正アクセスや不正ソフトウェア（マルウェア）からの保護、通信やデータの暗号化（SSL/TLSを含む）など、技術的な措置の記載です。" +
			"「不正アクセス等を防止するため適切な措置を講じます」のように脅威を挙げるだけの記述、利用目的としての「ユーザー認証」、クッキーによる再認証は該当しません。",
		EN: "Technical measures: access control, identification and authentication of users, protection against unauthorised access and malicious software, encryption of data or transmission (SSL/TLS included). " +
			"Naming threats (「不正アクセス等を防止するため適切な措置を講じます」), user authentication named as a purpose of use, or cookie re-authentication do not count.",
	},
	engine.Text{
		JA: "技術的安全管理措置が記載されていません（法23条、通則ガイドライン10-6）。アクセス制御による取扱者と取り扱う個人データの範囲の限定、不正アクセスや不正ソフトウェアから保護する仕組み、通信・データの暗号化などを記載してください。",
		EN: "Technical measures are not described (APPI Art. 23; PPC General Guidelines 10-6). Describe access control limiting who handles which data, protection against unauthorised access and malicious software, and encryption of transmission or data.",
	},
	engine.Text{
		JA: "・技術的安全管理措置：アクセス制御を実施して、担当者及び取り扱う個人情報データベース等の範囲を限定しています。また、個人データを取り扱う情報システムを外部からの不正アクセス又は不正ソフトウェアから保護する仕組みを導入し、通信を【SSL/TLS等】により暗号化しています。",
		EN: "Add to the list of measures access control, protection of the systems against unauthorised access and malware, and encryption of transmission (name the technology).",
	},
	"当社は、個人データへのアクセス権限を限定し、通信をTLSで暗号化しています。",
	"当社は、不正アクセス等を防止するため、適切なセキュリティ対策を講じます。",
)

// safetyLawBefore reports whether a law is named before the offset outside
// a condition: 「法令上…義務が発生する場合には、これを遵守します」 complies
// with one duty, not with the laws.
func safetyLawBefore(s *model.Sentence, off int) bool {
	for _, loc := range complianceLaw.FindAllStringIndex(s.Text[:off], -1) {
		if c := s.ClauseAt(s.Span.Start + loc[0]); c == nil || !c.Conditional {
			return true
		}
	}
	return false
}

// safetyMainAffirmed reports whether the sentence's last clause, its main
// predicate, states a fact: not negated, conditional or merely possible.
func safetyMainAffirmed(s *model.Sentence) bool {
	if len(s.Clauses) == 0 {
		return false
	}
	last := s.Clauses[len(s.Clauses)-1]
	return !last.Negated && !last.Conditional && !safetyNotTaken.MatchString(last.Text)
}

// safetyItemLine reports whether a sentence is an entry of a list: a list
// item, a table row or a short line without a full stop.
func safetyItemLine(s *model.Sentence) bool {
	switch s.Block.Kind {
	case model.ListItem, model.TableRow:
		return true
	case model.Paragraph:
		return !strings.Contains(s.Text, "。") && utf8.RuneCountInString(s.Text) <= 40
	}
	return false
}

// safetyUserSpeaks reports whether the text, up to a match, has the user
// as its last subject (お客様は…, not お客様が安心して…、当社は…).
func safetyUserSpeaks(before string) bool {
	users := safetyUserSubject.FindAllStringIndex(before, -1)
	if len(users) == 0 {
		return false
	}
	last := users[len(users)-1][1]
	return !safetyOperatorSubject.MatchString(before[last:])
}

// safetyContractorIn reports whether the text speaks of a contractor other
// than alongside the operator's own staff.
func safetyContractorIn(text string) bool {
	if !safetyContractor.MatchString(text) {
		return false
	}
	return safetyContractor.MatchString(safetyStaffAndContractor.ReplaceAllLiteralString(text, ""))
}
