package sensitive

import (
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
)

// jsonSecret is secret with the MarshalJSON method the generator emits.
type jsonSecret struct {
	User  *string
	Token *string
	Inner []jsonSecret
}

func (s jsonSecret) MarshalJSON() ([]byte, error) {
	return MarshalJSON([]Field{{Name: "User", Value: s.User}, {Name: "Token", Value: s.Token, Redact: true}, {Name: "Inner", Value: s.Inner}})
}

// jsonWhole is a wholly sensitive value.
type jsonWhole struct{ Key string }

func (jsonWhole) MarshalJSON() ([]byte, error) { return MarshalString(Text) }

func TestMarshalJSON(t *testing.T) {
	user, token := "alice", "tok-123"
	nested := jsonSecret{User: &user, Token: &token, Inner: []jsonSecret{{Token: &token}}}
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"struct", nested, `{"User":"alice","Token":"` + Text + `","Inner":[{"User":null,"Token":"` + Text + `","Inner":null}]}`},
		{"bare slice", []jsonSecret{{Token: &token}}, `[{"User":null,"Token":"` + Text + `","Inner":null}]`},
		{"map of pointers", map[string]*jsonSecret{"k": {Token: &token}}, `{"k":{"User":null,"Token":"` + Text + `","Inner":null}}`},
		{"whole", []jsonWhole{{Key: token}}, `["` + Text + `"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestMarshalJSONSlogHandler(t *testing.T) {
	token := "tok-123"
	var b strings.Builder
	slog.New(slog.NewJSONHandler(&b, nil)).Info("m", "list", []jsonSecret{{Token: &token}}, "whole", map[string]jsonWhole{"k": {Key: token}})
	if strings.Contains(b.String(), token) {
		t.Errorf("JSON handler shows the token: %s", b.String())
	}
}

func TestMarshalJSONError(t *testing.T) {
	if _, err := MarshalJSON([]Field{{Name: "C", Value: make(chan int)}}); err == nil {
		t.Error("no error for a value encoding/json cannot encode")
	}
}
