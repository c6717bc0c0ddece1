package emit_test

import "testing"

// TestProtoClientGenerated generates testdata/prototest_model.json (request,
// response and error test cases over every kind of value), vets the output
// and runs its generated TestProtocolClient: each client case must run and
// pass, the server-only case must not be there.
func TestProtoClientGenerated(t *testing.T) {
	got := runProtoTests(t, "testdata/prototest_model.json", "proto", "", "TestProtocolClient")
	checkProtoOutcomes(t, got, []string{
		"Request/ProtoPutThingRequest", "Response/ProtoPutThingResponse", "Response/ProtoOops",
	})
}
