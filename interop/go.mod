module github.com/eksauthgen/eksauthgen/interop

go 1.26.8

require (
	github.com/aws/aws-sdk-go-v2 v1.48.0
	github.com/aws/aws-sdk-go-v2/service/amp v1.55.4
	github.com/aws/smithy-go v1.28.9
	github.com/eksauthgen/eksauthgen v0.0.0
)

require (
	github.com/aws/aws-sdk-go-v2/internal/configsources v1.5.12 // indirect
	github.com/aws/aws-sdk-go-v2/internal/endpoints/v2 v2.8.12 // indirect
)

replace github.com/eksauthgen/eksauthgen => ../
