namespace Kiriwake.Core.Knowledge;

/// <summary>
/// The four categories of the backup document (capacity, connection, software, restriction)
/// plus service, account, hardware and app-data.
/// </summary>
public enum CauseCategory
{
    Capacity,
    Connection,
    Software,
    Restriction,
    Service,
    Account,
    Hardware,
    AppData,
}
