package load

import (
	"fmt"
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	p := os.Getenv("SCRATCH")
	if p == "" {
		t.Skip()
	}
	var s *Source
	var err error
	if h := os.Getenv("HTML"); h != "" {
		s, err = Bytes("x.html", []byte(h), Options{})
	} else {
		s, err = File(p, Options{})
	}
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(s.Format, s.Encoding)
	fmt.Printf("%q\n", s.Text)
}
