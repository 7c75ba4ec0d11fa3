using Kiriwake.Helpdesk.Tests.Support;
using Kiriwake.Tests.Postgres;

namespace Kiriwake.Helpdesk.Tests.Cases;

/// <summary>The case flow on a real throwaway PostgreSQL 15, two servers on one database: handed over on one, worked on the other.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseTests(ThrowawayPostgres server)
{
    [PostgresFact]
    public async Task HandOverAnswerCloseExport_Postgres_ContractShapeReadByLearning()
    {
        await using var bed = HelpdeskTestBed.On((await server.CreateDatabaseAsync()).ConnectionString);
        await bed.StartAsync();

        await CaseScenarios.HandOverAnswerCloseExportAsync(bed.Host, bed.Store);
    }
}
