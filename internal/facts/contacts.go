package facts

import (
	"sort"
	"strings"

	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// ContactKind says how a contact point is reached.
type ContactKind string

// Contact kinds.
const (
	Email  ContactKind = "email"
	Phone  ContactKind = "phone"
	URL    ContactKind = "url"
	Form   ContactKind = "form"    // a named inquiry form or page (お問い合わせフォーム, 当社サイトの「お問い合わせ」)
	Postal ContactKind = "address" // a street address (with or without 〒); a bare postal code is not one
)

// Contact is one way to reach someone, as written in the policy.
type Contact struct {
	Kind     ContactKind
	Value    string
	Span     model.Span
	Sentence *model.Sentence
	// Placeholder is true when the value is a 【…】 blank of a drafted
	// contact line (住所：【住所】): the contact point is stated, its value
	// is left to fill (appi/placeholder reports it).
	Placeholder bool
}

// prefectures are the 47 prefectures: an address that starts with one is
// recognised without any label around it.
const prefectures = `北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|東京都|神奈川県|` +
	`新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県|奈良県|和歌山県|` +
	`鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県|鹿児島県|沖縄県`

// designatedCities may open an address without a prefecture (大阪市北区…).
const designatedCities = `札幌|仙台|さいたま|千葉|横浜|川崎|相模原|新潟|静岡|浜松|名古屋|京都|大阪|堺|神戸|岡山|広島|北九州|福岡|熊本`

// A street address is a municipality followed, within the same line, by a
// street number (1-2-3, 1丁目2番3号). The number is what separates an
// address from a mere mention of a place (東京都が定める条例).
const (
	municipality = `[\p{Han}\p{Katakana}\p{Hiragana}々ヶケー]{1,10}?[市区町村郡]`
	streetNumber = `[^\n。、]{0,40}?(?:[0-9一二三四五六七八九十]+\s*丁目|[0-9]+\s*番地?|[0-9]+\s*号|[0-9]+\s*-\s*[0-9]+|[0-9]+(?:\s|$))`
	postalCode   = `〒\s?[0-9]{3}\s?-?\s?[0-9]{4}`
)

var (
	emailPattern = rx.MustCompile(`[A-Za-z0-9._%+\-]+(?:@|\s?\[at\]\s?|\s?\(at\)\s?)[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)
	// phonePattern finds candidates; isPhoneNumber checks the digit count.
	phonePattern = rx.MustCompile(`(?:\+81[\s\-]?(?:\(0\))?[0-9]{1,4}|\(0[0-9]{1,4}\)|0[0-9]{1,4})[\s\-.]?(?:\(?[0-9]{1,4}\)?)[\s\-.]?[0-9]{3,4}`)
	urlPattern   = rx.MustCompile("(?:https?://|www\\.)[^\\s<>\"'()（）「」、。\\[\\]|*`]+")
	formPattern  = rx.MustCompile(
		// A named form or page: お問い合わせフォーム, ご請求用ページ, 専用フォーム.
		`(?:お?問い?合わ?せ|お問合せ|問合せ|ご?相談|ご意見|ご?請求|申請|申込み?|申し込み|コンタクト|Contact|CONTACT)(?:専用|用|受付)?の?(?:フォーム|ページ|画面)|` +
			`(?:専用|Web|WEB|ウェブ|オンライン)(?:の)?(?:お問い?合わ?せ)?フォーム|` +
			// A page named on the site: 当社ホームページの「お問い合わせ」.
			`(?:ホームページ|ウェブサイト|Webサイト|WEBサイト|webサイト|サイト|アプリ|本サービス)(?:上|内)?の「[^」]{0,15}(?:問い?合わ?せ|問合せ|相談|窓口|サポート|ヘルプ|コンタクト|Contact|請求)[^」]{0,15}」(?:ページ|フォーム|窓口|画面|メニュー)?`)
	streetAddressPattern = rx.MustCompile(
		`(?:(?:` + postalCode + `)\s*)?(?:` + prefectures + `)\s*` + municipality + streetNumber +
			`|(?:(?:` + postalCode + `)\s*)?(?:` + designatedCities + `)市` + streetNumber +
			`|(?:` + postalCode + `)\s*` + municipality + streetNumber)
	// labelledAddress is an address without a prefecture after a label
	// that says it is one (所在地：千代田区丸の内1-1-1); group 1 is the address.
	labelledAddress = rx.MustCompile(`(?:住所|所在地|本社|本店|事務所|宛先|送付先|郵送先)\s*[:\t]?\s*(` + municipality + streetNumber + `)`)
	// addressRest extends a street address over the building name that follows.
	addressRest = rx.MustCompile(`^[^\n\t|、。,()（）:]*`)
	// blankContact is a contact label whose value is a 【…】 blank (住所：
	// 【住所】, 電話：【電話番号】, メール：【メールアドレス】), or a 〒 with
	// blanks after it: groups 1 and 2 are the label and the value, or group
	// 3 the 〒 and its blanks.
	blankContact = rx.MustCompile(`(住所|所在地|本社|本店|事務所|宛先|送付先|郵送先|電話番号|電話|TEL|Tel|FAX|Fax|` +
		`Eメール(?:アドレス)?|メールアドレス|メール|E-?mail|e-?mail|Mail|URL|フォーム)\s*(?:[:\t|]|は)\s*` +
		`((?:〒\s*(?:[0-9]{3}-?[0-9]{4}|` + PlaceholderValue + `)\s*)?` + PlaceholderValue + `)` +
		`|(〒\s*` + PlaceholderValue + `(?:\s*` + PlaceholderValue + `)?)`)
)

// blankContactKind is the kind of contact a blank's label names.
func blankContactKind(label string) ContactKind {
	switch {
	case label == "":
		return Postal // 〒【郵便番号】
	case strings.Contains(label, "電話") || strings.EqualFold(label, "TEL") || strings.EqualFold(label, "FAX"):
		return Phone
	case strings.Contains(label, "メール") || strings.Contains(strings.ToLower(label), "mail"):
		return Email
	case label == "URL":
		return URL
	case label == "フォーム":
		return Form
	}
	return Postal
}

// isPhoneNumber checks a phone candidate: a Japanese number has 10 or 11
// digits with its leading 0 (9 or 10 after +81).
func isPhoneNumber(s string) bool {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	if strings.HasPrefix(s, "+81") {
		n -= 2
		if !strings.Contains(s, "(0)") {
			n++ // +81 replaces the leading 0
		}
	}
	return n == 10 || n == 11
}

// digitOrDash reports whether a byte continues a number: a phone candidate
// next to one is part of something longer (a serial number, a date).
func digitOrDash(b byte) bool { return b >= '0' && b <= '9' || b == '-' }

// findIf runs re on t only when a cheap test passed.
func findIf(ok bool, re *rx.Regexp, t string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringIndex(t, -1)
}

// The cheap tests of findContacts: what a sentence must hold to contain a
// contact of each kind (keyword sets are tested against the sentence's
// cached signature rather than searched one by one).
var (
	contactDigit       = rx.Literals("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
	contactEmailMark   = rx.Literals("@", "at]", "at)")
	contactURLMark     = rx.Literals("http", "www.")
	contactAddressMark = rx.Literals("市", "区", "町", "村", "郡")
	contactFormMark    = rx.Literals("フォーム", "ページ", "画面", "」")
)

// findContacts lists every contact point in the document's sentences, in
// document order.
func findContacts(doc *model.Document) []Contact {
	var out []Contact
	add := func(s *model.Sentence, kind ContactKind, lo, hi int) {
		sp := model.Span{Start: s.Span.Start + lo, End: s.Span.Start + hi}
		out = append(out, Contact{Kind: kind, Value: s.Text[lo:hi], Span: sp, Sentence: s})
	}
	for _, s := range doc.Sentences {
		t := s.Text
		var taken []model.Span // sentence-relative ranges already claimed by e-mail or URL
		overlaps := func(lo, hi int) bool {
			for _, r := range taken {
				if lo < r.End && r.Start < hi {
					return true
				}
			}
			return false
		}
		// Cheap tests first: most sentences hold no contact at all, and the
		// patterns are costly on long sentences.
		hasDigit := contactDigit.MatchString(t)
		hasEmail := contactEmailMark.MatchString(t)
		hasURL := contactURLMark.MatchString(t)
		hasAddress := hasDigit && contactAddressMark.MatchString(t)
		hasForm := contactFormMark.MatchString(t)
		hasBlank := strings.Contains(t, "【")
		if !hasEmail && !hasURL && !hasDigit && !hasForm && !hasBlank {
			continue
		}
		for _, loc := range findIf(hasEmail, emailPattern, t) {
			add(s, Email, loc[0], loc[1])
			taken = append(taken, model.Span{Start: loc[0], End: loc[1]})
		}
		for _, loc := range findIf(hasURL, urlPattern, t) {
			if overlaps(loc[0], loc[1]) {
				continue
			}
			end := loc[1]
			for end > loc[0] && strings.ContainsRune(".,;:!?", rune(t[end-1])) {
				end--
			}
			add(s, URL, loc[0], end)
			taken = append(taken, model.Span{Start: loc[0], End: end})
		}
		addAddress := func(lo, hi int) {
			if overlaps(lo, hi) {
				return
			}
			end := hi + len(addressRest.FindString(t[hi:]))
			for end > hi && t[end-1] == ' ' {
				end--
			}
			add(s, Postal, lo, end)
			taken = append(taken, model.Span{Start: lo, End: end})
		}
		if hasAddress {
			for _, loc := range streetAddressPattern.FindAllStringIndex(t, -1) {
				addAddress(loc[0], loc[1])
			}
			for _, loc := range labelledAddress.FindAllStringSubmatchIndex(t, -1) {
				addAddress(loc[2], loc[3])
			}
		}
		for _, loc := range findIf(hasDigit && (strings.Contains(t, "0") || strings.Contains(t, "+81")), phonePattern, t) {
			if overlaps(loc[0], loc[1]) || !isPhoneNumber(t[loc[0]:loc[1]]) {
				continue
			}
			// A phone number stands alone: not inside a longer run of digits.
			if loc[0] > 0 && digitOrDash(t[loc[0]-1]) || loc[1] < len(t) && digitOrDash(t[loc[1]]) {
				continue
			}
			add(s, Phone, loc[0], loc[1])
		}
		for _, loc := range findIf(hasForm, formPattern, t) {
			add(s, Form, loc[0], loc[1])
		}
		if hasBlank {
			for _, m := range blankContact.FindAllStringSubmatchIndex(t, -1) {
				label, lo, hi := "", m[6], m[7] // 〒【郵便番号】
				if m[2] >= 0 {
					label, lo, hi = t[m[2]:m[3]], m[4], m[5]
				}
				if overlaps(lo, hi) {
					continue
				}
				add(s, blankContactKind(label), lo, hi)
				out[len(out)-1].Placeholder = true
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}
