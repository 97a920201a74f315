// Command kagome-baseline is the floor appilint is measured against: it
// only loads the IPA dictionary and tokenizes a file line by line, the
// least any kagome-based checker must do. Used by .ci/perf.sh.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: kagome-baseline FILE...")
		os.Exit(2)
	}
	t, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	tokens := 0
	for _, path := range os.Args[1:] {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for _, line := range strings.Split(string(data), "\n") {
			for _, tk := range t.Tokenize(line) {
				_, _ = tk.BaseForm()
				tokens++
			}
		}
	}
	fmt.Println(tokens, "tokens")
}
