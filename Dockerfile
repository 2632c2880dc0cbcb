# syntax=docker/dockerfile:1

# Build: the same command as scripts/publish.sh.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the package restore is cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Petition.Data/Petition.Data.csproj src/Petition.Data/
COPY src/Petition.Web/Petition.Web.csproj src/Petition.Web/
COPY migrations/Petition.Migrations.Sqlite/Petition.Migrations.Sqlite.csproj migrations/Petition.Migrations.Sqlite/
COPY migrations/Petition.Migrations.Postgres/Petition.Migrations.Postgres.csproj migrations/Petition.Migrations.Postgres/
RUN dotnet restore src/Petition.Web
COPY . .
RUN dotnet publish src/Petition.Web -c Release -o /app

# Runtime
FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl only for the health check; the base image has neither curl nor wget. DejaVu: the share image's font;
# Noto Sans CJK (about 90 MB) for share images of Chinese, Japanese or Korean titles; Droid Sans Fallback (Chinese,
# Japanese, Korean) and Symbola (emoji), with DejaVu, the fonts the delivery PDF embeds.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl fonts-dejavu-core fonts-noto-cjk fonts-droid-fallback fonts-symbola \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# SQLite database and .eml files (data/ under the content root, /app). Owned by the non-root user.
RUN mkdir -p /app/data/mail && chown -R "$APP_UID" /app/data
VOLUME /app/data
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Petition.Web.dll"]
