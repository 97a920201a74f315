package fix

import (
	"bytes"
	"fmt"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// Encode returns the bytes of text in the encoding the original file was
// read in (encName as reported by load.Source.Encoding), with its byte
// order mark if raw (the file as read) had one.
//
// It first checks that re-encoding the decoded original reproduces raw
// exactly: only then does writing the fixed text leave every other byte of
// the file unchanged. When that does not hold, or a drafted character has
// no code in the encoding, it returns an error instead of a damaged file.
func Encode(encName string, raw []byte, orig, text string) ([]byte, error) {
	var enc encoding.Encoding
	var bom []byte
	switch encName {
	case "utf-8", "":
		if bytes.HasPrefix(raw, []byte("\xEF\xBB\xBF")) {
			bom = []byte("\xEF\xBB\xBF")
		}
	case "shift_jis":
		enc = japanese.ShiftJIS
	case "euc-jp":
		enc = japanese.EUCJP
	case "iso-2022-jp":
		enc = japanese.ISO2022JP
	case "utf-16le":
		enc, bom = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), []byte{0xFF, 0xFE}
	case "utf-16be":
		enc, bom = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), []byte{0xFE, 0xFF}
	default:
		return nil, fmt.Errorf("cannot write %s text", encName)
	}
	encode := func(s string) ([]byte, error) {
		if enc == nil {
			return append(append([]byte{}, bom...), s...), nil
		}
		b, err := enc.NewEncoder().Bytes([]byte(s))
		if err != nil {
			return nil, err
		}
		return append(append([]byte{}, bom...), b...), nil
	}
	if same, err := encode(orig); err != nil || !bytes.Equal(same, raw) {
		return nil, fmt.Errorf("the file's %s bytes do not survive decoding and re-encoding unchanged, so writing it could alter text the fix does not touch", encName)
	}
	out, err := encode(text)
	if err != nil {
		return nil, fmt.Errorf("the drafted text cannot be written in %s: %w", encName, err)
	}
	return out, nil
}
