package main

// ciSubset is the fixed subset of the corpus that "make corpus-ci" runs
// (-subset ci). Each model is here for a reason, chosen from a census of
// the 77 models' traits (shape types, streaming, endpoint traits, endpoint
// test counts) so that every generator feature the corpus exercises is
// covered while the run stays at a few minutes on 2 cores (compiling the
// generated code is most of the cost; see README):
var ciSubset = []string{
	"eks-auth",                 // the project's own service
	"connect",                  // the largest model: 283 operations, 1.9 MB; scale and memory
	"bedrock-runtime",          // event streams (4), documents, unions
	"bedrock-agentcore",        // event stream, streaming blob, document
	"dataexchange",             // an operation with a host prefix (endpoint trait)
	"app-mesh",                 // the most endpoint test cases (65), unions
	"accessanalyzer",           // many endpoint tests (53, ISO partitions), unions
	"cloudfront-keyvaluestore", // endpoint rules that parse ARNs and check partitions
	"ebs",                      // streaming blob payload input, 52 endpoint tests
	"codeartifact",             // streaming blob output
	"appconfigdata",            // a small session API with 48 endpoint tests
	"amp",                      // the interop model (make interop)
}
