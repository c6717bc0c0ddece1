package awsrt

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzDecode checks that the Decoder never panics, accepts exactly what
// encoding/json accepts (within MaxJSONDepth), and decodes to the same value.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"a":[1,"x",null,true,{"b":-1.5e3}]}`, `"\ud83d\ude00"`, `[`, `{"a":1,}`, "\"\xff\"", `1e999`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, gotErr := decodeAll(data)
		var want any
		wantErr := json.Unmarshal(data, &want)
		if (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("%q: err %v, encoding/json err %v", data, gotErr, wantErr)
		}
		if gotErr == nil {
			a, _ := json.Marshal(got)
			b, _ := json.Marshal(want)
			if !bytes.Equal(a, b) {
				t.Fatalf("%q: got %s, want %s", data, a, b)
			}
		}
		_, _, _ = ErrorInfo(data)
		_ = NewDecoder(data).Skip()
	})
}
