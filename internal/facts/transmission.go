package facts

import "github.com/appilint/appilint/internal/model"

// Transmission is what the policy says about external transmission (電気通信事業法27条の12).
type Transmission struct{}

func findTransmission(doc *model.Document) Transmission { return Transmission{} }
