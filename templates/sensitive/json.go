package sensitive

import (
	"bytes"
	"encoding/json"
)

// MarshalJSON encodes fields as a JSON object keyed by field name, with
// Text for every redacted field and each other value as encoding/json
// encodes it. The generated MarshalJSON methods use it so that
// encoding/json, and so slog's JSON handler (which marshals a value that is
// not a slog.LogValuer, such as a slice or map of sensitive structs), never
// shows a sensitive value.
func MarshalJSON(fields []Field) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, fl := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := json.Marshal(fl.Name)
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		var v any = fl.Value
		if fl.Redact {
			v = Text
		}
		val, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		b.Write(val)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// MarshalString encodes s as a JSON string: Text for a value whose whole
// shape is sensitive, the Error() text for an error type.
func MarshalString(s string) ([]byte, error) {
	return json.Marshal(s)
}
