namespace Pipeline.Core.Articles;

/// <summary>Why a passage is boilerplate rather than article text.</summary>
public enum BoilerplateReason
{
    /// <summary>It reads as page furniture anywhere: a newsletter or subscription prompt, a rights notice, a photo
    /// credit or "Hide Caption N of M", a share bar, "Read more". See <see cref="Outlets.BoilerplateSignals"/>.</summary>
    Signal,

    /// <summary>Its outlet repeats it in articles about different stories. See <see cref="Outlets.OutletBoilerplate"/>.</summary>
    Outlet,
}
