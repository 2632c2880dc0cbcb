using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Petition.Data;

public class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
