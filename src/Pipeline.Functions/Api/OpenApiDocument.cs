namespace Pipeline.Functions.Api;

/// <summary>The API's OpenAPI document as a file, for the Functions host, where no endpoint metadata exists to generate it from.</summary>
/// <remarks>The local host generates the document from its endpoints; a test fails when this committed copy differs from it.</remarks>
internal static class OpenApiDocument
{
    /// <summary>The file's name, in the project folder and next to the executable.</summary>
    public const string FileName = "openapi.json";

    /// <summary>The committed document, or a JSON 404 when the build left it out.</summary>
    public static IResult Serve()
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        return File.Exists(path)
            ? TypedResults.PhysicalFile(path, "application/json; charset=utf-8")
            : TypedResults.NotFound(new ApiError("The OpenAPI document is missing from this build."));
    }
}
