package document

import (
	"testing"
)

func TestRoundTrip(t *testing.T) {
	type thing struct {
		Name  string `document:"name"`
		Count int
	}
	tests := []struct {
		name string
		doc  func() (Interface, error)
		want string
	}{
		{"lazy struct", func() (Interface, error) { return NewLazyDocument(thing{Name: "a", Count: 2}), nil }, `{"name":"a","Count":2}`},
		{"lazy list", func() (Interface, error) { return NewLazyDocument([]any{true, "x", 1.5}), nil }, `[true,"x",1.5]`},
		{"json object", func() (Interface, error) { return FromJSON([]byte(`{"name":"b","Count":3}`)) }, `{"Count":3,"name":"b"}`},
		{"json null", func() (Interface, error) { return FromJSON(nil) }, `null`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := tt.doc()
			if err != nil {
				t.Fatal(err)
			}
			raw, err := d.MarshalSmithyDocument()
			if err != nil {
				t.Fatal(err)
			}
			if string(raw) != tt.want {
				t.Errorf("MarshalSmithyDocument() = %s, want %s", raw, tt.want)
			}
		})
	}
	d, err := FromJSON([]byte(`{"name":"c","Count":7}`))
	if err != nil {
		t.Fatal(err)
	}
	var got thing
	if err := d.UnmarshalSmithyDocument(&got); err != nil || got != (thing{"c", 7}) {
		t.Errorf("UnmarshalSmithyDocument = %+v, %v", got, err)
	}
	var back thing
	if err := NewLazyDocument(thing{"d", 1}).UnmarshalSmithyDocument(&back); err != nil || back != (thing{"d", 1}) {
		t.Errorf("lazy UnmarshalSmithyDocument = %+v, %v", back, err)
	}
	if _, err := FromJSON([]byte(`{`)); err == nil {
		t.Error("FromJSON must reject bad JSON")
	}
}
