package prototest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
)

// JSONEqual reports, as an error naming the first difference, whether want
// and got are different JSON texts: object key order and whitespace do not
// matter, numbers are compared by value. An empty text equals an empty
// text only.
func JSONEqual(want, got []byte) error {
	wb, gb := bytes.TrimSpace(want), bytes.TrimSpace(got)
	if len(wb) == 0 || len(gb) == 0 {
		if len(wb) != len(gb) {
			return fmt.Errorf("want body %q, got %q", wb, gb)
		}
		return nil
	}
	wv, err := decodeJSON(wb)
	if err != nil {
		return fmt.Errorf("want: invalid JSON: %w", err)
	}
	gv, err := decodeJSON(gb)
	if err != nil {
		return fmt.Errorf("got: invalid JSON %q: %w", gb, err)
	}
	return jsonEqual(wv, gv, "$")
}

// decodeJSON decodes one JSON value, numbers kept as json.Number; trailing
// data is an error.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("trailing data after the JSON value")
	}
	return v, nil
}

// jsonEqual compares decoded JSON values (objects by member, in any order)
// and describes the first difference, path naming the values.
func jsonEqual(w, g any, path string) error {
	switch wv := w.(type) {
	case map[string]any:
		gv, ok := g.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object, got %s", path, jsonText(g))
		}
		keys := make([]string, 0, len(wv))
		for k := range wv {
			keys = append(keys, k)
		}
		for k := range gv {
			if _, ok := wv[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			wi, wok := wv[k]
			gi, gok := gv[k]
			if wok != gok {
				if !wok {
					return fmt.Errorf("%s.%s: unexpected member %s", path, k, jsonText(gi))
				}
				return fmt.Errorf("%s.%s: missing, want %s", path, k, jsonText(wi))
			}
			if err := jsonEqual(wi, gi, path+"."+k); err != nil {
				return err
			}
		}
		return nil
	case []any:
		gv, ok := g.([]any)
		if !ok {
			return fmt.Errorf("%s: want an array, got %s", path, jsonText(g))
		}
		if len(wv) != len(gv) {
			return fmt.Errorf("%s: want %d elements, got %d: %s", path, len(wv), len(gv), jsonText(g))
		}
		for i := range wv {
			if err := jsonEqual(wv[i], gv[i], fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		return nil
	case json.Number:
		gv, ok := g.(json.Number)
		if !ok {
			return fmt.Errorf("%s: want %s, got %s", path, wv, jsonText(g))
		}
		wf, _, werr := big.ParseFloat(string(wv), 10, 200, big.ToNearestEven)
		gf, _, gerr := big.ParseFloat(string(gv), 10, 200, big.ToNearestEven)
		if werr != nil || gerr != nil || wf.Cmp(gf) != 0 {
			return fmt.Errorf("%s: want %s, got %s", path, wv, gv)
		}
		return nil
	}
	if w != g {
		return fmt.Errorf("%s: want %s, got %s", path, jsonText(w), jsonText(g))
	}
	return nil
}

// jsonText returns v as JSON for a message.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
