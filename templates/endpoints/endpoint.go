package endpoints

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/aws/smithy-go"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// New returns the endpoint a rule resolved to: uri parsed, with its headers
// and properties. An unparsable uri is an error.
func New(uri string, headers http.Header, properties smithy.Properties) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint rule error, invalid endpoint URL %q: %w", uri, err)
	}
	return smithyendpoints.Endpoint{URI: *u, Headers: headers, Properties: properties}, nil
}
