namespace Petition.Web.Reach;

/// <summary>
/// The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): countries keep their true relative areas, so a
/// large shaded country is large because it is, and the shapes still look like the ones people know.
/// </summary>
public static class EqualEarth
{
    const double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
    static readonly double M = Math.Sqrt(3) / 2;

    /// <summary>x from about -2.71 to 2.71, y from about -1.32 (south) to 1.32 (north), for degrees of longitude and latitude.</summary>
    public static (double X, double Y) Project(double longitude, double latitude)
    {
        var lambda = longitude * Math.PI / 180;
        var theta = Math.Asin(M * Math.Sin(latitude * Math.PI / 180));
        var t2 = theta * theta;
        var t6 = t2 * t2 * t2;
        var x = lambda * Math.Cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
        var y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
        return (x, y);
    }
}
