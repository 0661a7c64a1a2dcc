namespace CaseDesk.Domain.Common;

/// <summary>Instants are stored in UTC and shown in the department's zone.</summary>
public static class VilniusTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Vilnius");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime vilniusLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(vilniusLocal, DateTimeKind.Unspecified), Zone);

    public static DateTime Now(TimeProvider clock) => ToLocal(clock.GetUtcNow().UtcDateTime);
}
