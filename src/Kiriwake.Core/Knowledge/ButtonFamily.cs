namespace Kiriwake.Core.Knowledge;

/// <summary>
/// Which buttons a device has, which decides the force-restart, recovery and DFU sequences
/// (ios-errors-and-device.md §3). YAML names: iphone-home, iphone-7, iphone-no-home, ipad-home, ipad-no-home.
/// </summary>
public enum ButtonFamily
{
    /// <summary>Family A: iPhone 6s and earlier, SE (1st gen), iPod touch up to 6th gen.</summary>
    IphoneHome,

    /// <summary>Family B: iPhone 7 / 7 Plus, iPod touch (7th gen).</summary>
    Iphone7,

    /// <summary>Family C: iPhone 8 and later, X and later, SE (2nd/3rd gen).</summary>
    IphoneNoHome,

    IpadHome,

    IpadNoHome,
}
