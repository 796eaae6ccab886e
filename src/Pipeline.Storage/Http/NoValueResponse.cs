using Azure;

namespace Pipeline.Storage.Http;

/// <summary>The "not found" answer of the *IfExists calls: no value, but the raw response is kept.</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T? Value => default;

    public override Response GetRawResponse() => response;
}
