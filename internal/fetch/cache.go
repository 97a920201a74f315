package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	"github.com/appilint/appilint/internal/atomicfile"
)

// diskCache stores fetched pages under dir, keyed by a hash of the URL, so
// that a rerun of a batch does not fetch again. Each entry is a body file
// and a JSON file with what decoding needs (the Content-Type carries the
// charset); the JSON is written last, so its presence marks a complete
// entry.
type diskCache struct {
	dir string
}

type cacheMeta struct {
	URL         string    `json:"url"` // redacted: no credentials on disk
	FinalURL    string    `json:"final_url"`
	Status      int       `json:"status"`
	ContentType string    `json:"content_type,omitempty"`
	Size        int       `json:"size"`
	FetchedAt   time.Time `json:"fetched_at"`
}

func (c *diskCache) paths(key string) (meta, body string) {
	sum := sha256.Sum256([]byte(key))
	h := hex.EncodeToString(sum[:])
	base := filepath.Join(c.dir, h[:2], h)
	return base + ".json", base + ".body"
}

// get returns the cached page, or nil when there is none (or the entry is
// unreadable, which is treated as a miss).
func (c *diskCache) get(key string, maxBytes int64) *Page {
	if c == nil {
		return nil
	}
	mp, bp := c.paths(key)
	data, err := os.ReadFile(mp)
	if err != nil {
		return nil
	}
	var m cacheMeta
	if json.Unmarshal(data, &m) != nil || int64(m.Size) > maxBytes {
		return nil
	}
	body, err := os.ReadFile(bp)
	if err != nil || len(body) != m.Size {
		return nil
	}
	return &Page{
		URL: m.URL, FinalURL: m.FinalURL, Status: m.Status, ContentType: m.ContentType,
		Body: body, FetchedAt: m.FetchedAt, FromCache: true,
	}
}

func (c *diskCache) put(key string, p *Page) error {
	if c == nil {
		return nil
	}
	mp, bp := c.paths(key)
	if err := os.MkdirAll(filepath.Dir(mp), 0o755); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(bp, p.Body, 0o644); err != nil {
		return err
	}
	data, err := json.Marshal(cacheMeta{
		URL: p.URL, FinalURL: p.FinalURL, Status: p.Status, ContentType: p.ContentType,
		Size: len(p.Body), FetchedAt: p.FetchedAt,
	})
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(mp, data, 0o644)
}
