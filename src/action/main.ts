// The GitHub Action. Reads the inputs, runs the pipeline on the event's changes and
// reports through the GitHub reporters.
import * as core from '@actions/core'

export async function run(): Promise<void> {
  core.setFailed('The GitHub Action entry is not implemented yet; use the tqg CLI.')
}
